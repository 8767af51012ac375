import {
  checkVirtualSwitchAdd,
  checkVirtualSwitchChange,
  MTU_MAX,
  MTU_MIN,
  skuPortSpec,
  type VirtualSwitchInput,
} from '@edgenet/network-config';
import type { VirtualSwitchDoc } from '@edgenet/network-config/contract';
import { useCallback, useId, useMemo, useState } from 'react';
import { FieldIssues, FormFailure } from '../../components/FieldIssues';
import { FormBlade } from '../../components/FormBlade';
import { SelectField } from '../../components/SelectField';
import { TextField } from '../../components/TextField';
import { useToast } from '../../components/Toasts';
import { type ConfigBladeProps, useCheckedConfigForm } from '../../lib/config-form';
import { unplacedIssues } from '../../lib/forms';
import { useI18n } from '../../lib/i18n';
import type { ConfigDoc } from '../../lib/queries';
import { NameField } from './NameField';
import { useSaveSwitchMutation } from './queries';

const FIELD_PATHS = ['name', 'interfaceAlias', 'mtu'];

/** Add (no `existing`) or modify a virtual switch; the core checks it on every keystroke. */
export function SwitchBlade({
  existing,
  config,
  revision,
  onClose,
}: ConfigBladeProps & { existing: VirtualSwitchDoc | null }) {
  const { t } = useI18n();
  const toast = useToast();
  const ids = useId();
  const firstFree =
    config?.ports.find(
      (p) => !(config.virtualSwitches ?? []).some((s) => s.interfaceAlias === p.name),
    )?.name ?? '';
  const [name, setName] = useState(existing?.name ?? '');
  const [port, setPort] = useState(existing?.interfaceAlias ?? firstFree);
  const [mtu, setMtu] = useState(String(existing?.mtu ?? 1500));
  const [accelerated, setAccelerated] = useState(existing?.supportsAcceleratedNetworking ?? false);
  const [base, setBase] = useState(revision);

  const mtuConfigurable = config ? (skuPortSpec(config.sku, port)?.mtuConfigurable ?? false) : true;
  const input = useMemo<VirtualSwitchInput>(
    () => ({
      name: name.trim(),
      interfaceAlias: port,
      mtu: mtuConfigurable ? (mtu.trim() === '' ? Number.NaN : Number(mtu.trim())) : 1500,
      supportsAcceleratedNetworking: accelerated,
    }),
    [name, port, mtu, accelerated, mtuConfigurable],
  );
  const previous = existing?.name ?? null;
  const check = useCallback(
    (device: ConfigDoc, body: VirtualSwitchInput) =>
      previous === null
        ? checkVirtualSwitchAdd(device, body).issues
        : checkVirtualSwitchChange(device, previous, body).issues,
    [previous],
  );
  const { issues, bind, blocked, field, failure, onError, ...outcome } = useCheckedConfigForm(
    config,
    input,
    check,
    setBase,
  );

  const save = useSaveSwitchMutation({
    onSuccess: () => {
      toast({ kind: 'success', title: { key: 'advnet.added', params: { name: input.name } } });
      onClose();
    },
    onError,
  });
  const send = () => save.mutate({ previous, body: input, revision: base });

  return (
    <FormBlade
      title={existing ? t('advnet.modifyTitle', { name: existing.name }) : t('advnet.addTitle')}
      onClose={onClose}
      action={{ busy: save.isPending, disabled: blocked, onSubmit: send }}
      outcome={outcome}
    >
      <NameField {...bind('name', name, setName)} placeholder="vswitch-Port4" />
      <SelectField
        label={t('advnet.interface')}
        inputClass="input"
        {...bind('interfaceAlias', port, setPort)}
      >
        {(config?.ports ?? []).map((p) => (
          <option key={p.name} value={p.name}>
            {p.name}
          </option>
        ))}
      </SelectField>
      {mtuConfigurable ? (
        <TextField
          label={t('advnet.mtu')}
          inputMode="numeric"
          autoComplete="off"
          {...bind('mtu', mtu, setMtu)}
          hint={t('advnet.mtuHint', { min: String(MTU_MIN), max: String(MTU_MAX) })}
        />
      ) : (
        <p className="field-hint">{t('advnet.mtuFixed')}</p>
      )}
      <label className="check">
        <input
          type="checkbox"
          checked={accelerated}
          onChange={(e) => setAccelerated(e.target.checked)}
        />
        <span>{t('advnet.accelerated')}</span>
      </label>
      <FieldIssues id={`${ids}-other`} issues={unplacedIssues(issues, FIELD_PATHS)} />
      <FormFailure message={failure} />
    </FormBlade>
  );
}
