import {
  checkVirtualNetworkAdd,
  checkVirtualNetworkChange,
  type VirtualNetworkInput,
} from '@edgenet/network-config';
import type { VirtualNetworkDoc } from '@edgenet/network-config/contract';
import { useCallback, useId, useMemo, useState } from 'react';
import { FieldIssues, FormFailure } from '../../components/FieldIssues';
import { FormBlade } from '../../components/FormBlade';
import { TextField } from '../../components/TextField';
import { useToast } from '../../components/Toasts';
import { type ConfigBladeProps, useCheckedConfigForm } from '../../lib/config-form';
import { unplacedIssues } from '../../lib/forms';
import { useI18n } from '../../lib/i18n';
import type { ConfigDoc } from '../../lib/queries';
import { NameField } from './NameField';
import { useSaveNetworkMutation } from './queries';

const FIELD_PATHS = ['name', 'vlanId', 'subnetMask', 'gateway', 'dnsSuffix'];

/** Add or modify a virtual network on a switch: name, VLAN, subnet mask, gateway (doc), DNS. */
export function NetworkBlade({
  switchName,
  existing,
  config,
  revision,
  onClose,
}: ConfigBladeProps & { switchName: string; existing: VirtualNetworkDoc | null }) {
  const { t } = useI18n();
  const toast = useToast();
  const ids = useId();
  const [name, setName] = useState(existing?.name ?? '');
  const [vlan, setVlan] = useState(existing ? String(existing.vlanId) : '');
  const [mask, setMask] = useState(existing?.subnetMask ?? '');
  const [gateway, setGateway] = useState(existing?.gateway ?? '');
  const [dns, setDns] = useState(existing?.dnsServers.join(', ') ?? '');
  const [suffix, setSuffix] = useState(existing?.dnsSuffix ?? '');
  const [base, setBase] = useState(revision);

  const input = useMemo<VirtualNetworkInput>(
    () => ({
      name: name.trim(),
      vlanId: vlan.trim() === '' ? Number.NaN : Number(vlan.trim()),
      subnetMask: mask.trim(),
      gateway: gateway.trim(),
      dnsServers: dns
        .split(',')
        .map((d) => d.trim())
        .filter(Boolean),
      dnsSuffix: suffix.trim() || null,
    }),
    [name, vlan, mask, gateway, dns, suffix],
  );
  const previous = existing?.name ?? null;
  const check = useCallback(
    (device: ConfigDoc, body: VirtualNetworkInput) =>
      previous === null
        ? checkVirtualNetworkAdd(device, switchName, body).issues
        : checkVirtualNetworkChange(device, switchName, previous, body).issues,
    [previous, switchName],
  );
  const { issues, bind, blocked, field, failure, onError, ...outcome } = useCheckedConfigForm(
    config,
    input,
    check,
    setBase,
  );
  const dnsIssues = issues.filter((i) => i.path.startsWith('dnsServers'));

  const save = useSaveNetworkMutation({
    onSuccess: () => {
      toast({
        kind: 'success',
        title: { key: 'advnet.networkSaved', params: { name: input.name } },
      });
      onClose();
    },
    onError,
  });
  // JSON has no NaN: an empty VLAN travels as -1, which the core refuses with its message.
  const send = () =>
    save.mutate({
      switchName,
      previous,
      body: { ...input, vlanId: Number.isNaN(input.vlanId) ? -1 : input.vlanId },
      revision: base,
    });

  return (
    <FormBlade
      title={t('advnet.networkTitle', { name: switchName })}
      subtitle={existing?.name}
      onClose={onClose}
      action={{ busy: save.isPending, disabled: blocked, onSubmit: send }}
      outcome={outcome}
    >
      <div className="form-grid">
        <NameField {...bind('name', name, setName)} placeholder="vnet-10" />
        <TextField
          label={t('advnet.vlan')}
          inputMode="numeric"
          autoComplete="off"
          {...bind('vlanId', vlan, setVlan)}
          hint={t('advnet.vlanHint')}
        />
        <TextField
          label={t('advnet.subnetMask')}
          address
          {...bind('subnetMask', mask, setMask)}
          placeholder="255.255.255.0"
        />
        <TextField
          label={t('advnet.gateway')}
          address
          {...bind('gateway', gateway, setGateway)}
          placeholder="10.10.0.1"
        />
        <TextField
          label={t('advnet.dns')}
          address
          value={dns}
          onValueChange={field('dnsServers', setDns)}
          issues={dnsIssues}
          hint={t('advnet.dnsHint')}
        />
        <TextField
          label={t('advnet.dnsSuffix')}
          autoComplete="off"
          {...bind('dnsSuffix', suffix, setSuffix)}
          hint={t('common.optional')}
        />
      </div>
      <FieldIssues
        id={`${ids}-other`}
        issues={unplacedIssues(issues, FIELD_PATHS).filter((i) => !i.path.startsWith('dnsServers'))}
      />
      <FormFailure message={failure} />
    </FormBlade>
  );
}
