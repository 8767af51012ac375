import {
  computeSwitchOf,
  type DeviceConfig,
  externalSwitchName,
  formatInterfaceAddress,
  INTERNAL_SWITCH_CIDR,
  INTERNAL_SWITCH_NAME,
  kubernetesVms,
  type PortConfig,
} from '@edgenet/network-config';
import { useId } from 'react';
import { useI18n } from '../../lib/i18n';

const W = 770;
const COL = { ports: 8, switches: 290, vms: 566 };
const BOX_W = 196;
const PORT_H = 48;
const PORT_GAP = 10;
const TOP = 34;
const VM_H = 92;
const VM_GAP = 16;
const SWITCH_H = 64;

function portLabel(port: PortConfig): string {
  if (!port.ipEnabled || !port.address) return '';
  return formatInterfaceAddress(port.address, port.subnetMask);
}

function curve(x1: number, y1: number, x2: number, y2: number): string {
  const mid = (x1 + x2) / 2;
  return `M${x1},${y1} C${mid},${y1} ${mid},${y2} ${x2},${y2}`;
}

/**
 * The compute network as a drawing, built from the configuration alone: the ports, the external
 * virtual switch on the compute port and the internal NAT switch (doc), and the Kubernetes VMs
 * (`kubernetesVms` from the core) with their two NICs. Planned parts (compute not applied yet) are
 * dashed; the text alternative says the same in words.
 */
export function Topology({ config }: { config: DeviceConfig }) {
  const { t } = useI18n();
  const titleId = useId();
  const descId = useId();
  const { compute } = config;
  const state = compute.state;
  const computePort = config.ports.find((p) => p.name === compute.computePort) ?? null;
  const configured = state === 'Configured';
  const planned = !configured;
  const vms = computePort ? kubernetesVms(config) : [];
  // The internal switch's NAT sends internet-bound traffic out of the port(s) with a default gateway (doc).
  const uplinks = config.ports.filter((p) => p.ipEnabled && p.gateway);

  const portY = (i: number) => TOP + i * (PORT_H + PORT_GAP);
  const portsBottom = portY(config.ports.length) - PORT_GAP;
  const vmY = (i: number) => TOP + i * (VM_H + VM_GAP);
  const vmsBottom = vms.length ? vmY(vms.length) - VM_GAP : TOP;
  const height = Math.max(portsBottom, vmsBottom, TOP + 2 * SWITCH_H + 60) + 16;
  const extY = TOP + 10;
  const intY = Math.max(extY + SWITCH_H + 40, height - SWITCH_H - 24);
  const computeIndex = computePort ? config.ports.indexOf(computePort) : -1;

  const description = [
    computePort
      ? t('topology.descCompute', {
          port: computePort.name,
          switch: computeSwitchOf(config)?.name ?? externalSwitchName(computePort.name),
        })
      : t('topology.descNoCompute'),
    t('topology.descInternal', { switch: INTERNAL_SWITCH_NAME, cidr: INTERNAL_SWITCH_CIDR }),
    ...vms.map((vm) =>
      t('topology.descVm', {
        vm: t(vm.role === 'master' ? 'topology.master' : 'topology.worker', { name: vm.name }),
        external: vm.externalIp ?? t('topology.noAddress'),
        internal: vm.internalIp,
      }),
    ),
  ].join(' ');

  return (
    <svg
      className={`topology topology--${state}`}
      viewBox={`0 0 ${W} ${height}`}
      role="img"
      aria-labelledby={`${titleId} ${descId}`}
      preserveAspectRatio="xMidYMin meet"
    >
      <title id={titleId}>{t('topology.title')}</title>
      <desc id={descId}>{description}</desc>
      <text className="topo-heading" x={COL.ports} y={18}>
        {t('topology.ports')}
      </text>
      <text className="topo-heading" x={COL.switches} y={18}>
        {t('topology.switches')}
      </text>
      <text className="topo-heading" x={COL.vms} y={18}>
        {t('topology.vms')}
      </text>

      {/* links: port → switches */}
      {computePort ? (
        <path
          className={`topo-link topo-link--external${planned ? ' topo-link--planned' : ''}`}
          d={curve(
            COL.ports + BOX_W,
            portY(computeIndex) + PORT_H / 2,
            COL.switches,
            extY + SWITCH_H / 2,
          )}
        />
      ) : null}
      {uplinks.map((p) => (
        <path
          key={p.name}
          className="topo-link topo-link--nat"
          d={curve(
            COL.ports + BOX_W,
            portY(config.ports.indexOf(p)) + PORT_H / 2,
            COL.switches,
            intY + SWITCH_H / 2,
          )}
        />
      ))}
      {/* links: switches → VM NICs */}
      {vms.map((vm, i) => (
        <g key={vm.name}>
          <path
            className={`topo-link topo-link--external${planned ? ' topo-link--planned' : ''}`}
            d={curve(COL.switches + BOX_W, extY + SWITCH_H / 2, COL.vms, vmY(i) + 50)}
          />
          <path
            className={`topo-link topo-link--internal${planned ? ' topo-link--planned' : ''}`}
            d={curve(COL.switches + BOX_W, intY + SWITCH_H / 2, COL.vms, vmY(i) + 74)}
          />
        </g>
      ))}

      {config.ports.map((port, i) => {
        const isCompute = port === computePort;
        return (
          <g key={port.name} transform={`translate(${COL.ports},${portY(i)})`}>
            <rect
              className={`topo-box topo-port${isCompute ? ' topo-port--compute' : ''}`}
              width={BOX_W}
              height={PORT_H}
              rx={4}
            />
            <circle
              className={port.link.connected ? 'topo-led topo-led--up' : 'topo-led'}
              cx={14}
              cy={17}
              r={5}
            />
            <text className="topo-name" x={26} y={21}>
              {port.name}
              {isCompute ? ` · ${t('topology.computeTag')}` : ''}
            </text>
            <text className="topo-detail" x={14} y={38}>
              {port.ipEnabled
                ? portLabel(port) ||
                  (port.dhcp ? t('topology.dhcpNoLease') : t('topology.noAddress'))
                : t('topology.ipDisabled')}
              {port.ipEnabled && port.dhcp && portLabel(port) ? ` (DHCP)` : ''}
            </text>
          </g>
        );
      })}

      <g transform={`translate(${COL.switches},${extY})`}>
        <rect
          className={`topo-box topo-switch topo-switch--external${computePort && !planned ? '' : ' topo-box--planned'}`}
          width={BOX_W}
          height={SWITCH_H}
          rx={4}
        />
        <text className="topo-name" x={12} y={22}>
          {computePort
            ? (computeSwitchOf(config)?.name ?? externalSwitchName(computePort.name))
            : t('topology.noExternalSwitch')}
        </text>
        <text className="topo-detail" x={12} y={40}>
          {t('topology.externalSwitch')}
        </text>
        <text className="topo-detail" x={12} y={56}>
          {computePort ? t(`topology.state.${state}`) : t('topology.enableHint')}
        </text>
      </g>
      <g transform={`translate(${COL.switches},${intY})`}>
        <rect
          className="topo-box topo-switch topo-switch--internal"
          width={BOX_W}
          height={SWITCH_H}
          rx={4}
        />
        <text className="topo-name" x={12} y={22}>
          {INTERNAL_SWITCH_NAME}
        </text>
        <text className="topo-detail" x={12} y={40}>
          {t('topology.internalSwitch')}
        </text>
        <text className="topo-detail" x={12} y={56}>
          NAT · {INTERNAL_SWITCH_CIDR}
        </text>
      </g>

      {vms.map((vm, i) => (
        <g key={vm.name} transform={`translate(${COL.vms},${vmY(i)})`}>
          <rect
            className={`topo-box topo-vm${planned ? ' topo-box--planned' : ''}`}
            width={BOX_W}
            height={VM_H}
            rx={4}
          />
          <text className="topo-name" x={12} y={22}>
            {t(vm.role === 'master' ? 'topology.master' : 'topology.worker', { name: vm.name })}
          </text>
          <rect className="topo-nic topo-nic--external" x={0} y={38} width={BOX_W} height={24} />
          <text className="topo-detail" x={12} y={55}>
            {t('topology.nicExternal')} {vm.externalIp ?? t('topology.noAddress')}
          </text>
          <rect className="topo-nic topo-nic--internal" x={0} y={62} width={BOX_W} height={24} />
          <text className="topo-detail" x={12} y={79}>
            {t('topology.nicInternal')} {vm.internalIp}
          </text>
        </g>
      ))}
      {vms.length === 0 ? (
        <g transform={`translate(${COL.vms},${TOP})`}>
          <rect className="topo-box topo-box--planned" width={BOX_W} height={VM_H} rx={4} />
          <text className="topo-detail" x={12} y={40}>
            {t('topology.noVms1')}
          </text>
          <text className="topo-detail" x={12} y={58}>
            {t('topology.noVms2')}
          </text>
        </g>
      ) : null}
    </svg>
  );
}
