import { type DeviceConfig, virtualNetworksOf } from '@edgenet/network-config';
import { useI18n } from '../../lib/i18n';

/**
 * Every virtual switch and its virtual networks (SPEC §8), drawn port → switch → networks. HTML
 * boxes rather than SVG: they reflow on the 800-pixel kiosk and read well to screen readers.
 */
export function VirtualSwitchesDiagram({ config }: { config: DeviceConfig }) {
  const { t } = useI18n();
  const switches = config.virtualSwitches ?? [];
  if (switches.length === 0) return <p className="muted">{t('overview.noVirtualSwitches')}</p>;
  return (
    <ul className="vswitch-diagram" aria-label={t('overview.virtualSwitches')}>
      {switches.map((sw) => {
        const networks = virtualNetworksOf(config, sw.name);
        return (
          <li key={sw.name} className="vswitch-row">
            <span className="vswitch-box vswitch-box--port">{sw.interfaceAlias}</span>
            <span className="vswitch-link" aria-hidden="true" />
            <span
              className={`vswitch-box vswitch-box--switch${sw.enabledForCompute ? ' vswitch-box--compute' : ''}`}
            >
              <strong>{sw.name}</strong>
              <span className="vswitch-detail">
                {`MTU ${sw.mtu}`}
                {sw.enabledForCompute ? ` · ${t('advnet.compute')}` : ''}
              </span>
            </span>
            {networks.length > 0 ? (
              <>
                <span className="vswitch-link" aria-hidden="true" />
                <ul
                  className="vswitch-networks"
                  aria-label={t('advnet.networks', { name: sw.name })}
                >
                  {networks.map((n) => (
                    <li key={n.name} className="vswitch-box vswitch-box--vnet">
                      <strong>{n.name}</strong>
                      <span className="vswitch-detail">{`VLAN ${n.vlanId} · ${n.addressSpace}`}</span>
                    </li>
                  ))}
                </ul>
              </>
            ) : null}
          </li>
        );
      })}
    </ul>
  );
}
