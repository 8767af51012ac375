import { checkPortChange, MTU_MAX, MTU_MIN, type PortSettings } from '@edgenet/network-config';
import type { Port } from '@edgenet/network-config/contract';
import { useCallback, useId, useMemo, useState } from 'react';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { FieldIssues, FormFailure } from '../../components/FieldIssues';
import { FormBlade, OptInConfirm } from '../../components/FormBlade';
import { TextField } from '../../components/TextField';
import { useToast } from '../../components/Toasts';
import { isApiError } from '../../lib/api';
import {
  blocks,
  issuesAt,
  unplacedIssues,
  useChangeIssues,
  useConfigFormWrite,
  useDraft,
} from '../../lib/forms';
import { useI18n } from '../../lib/i18n';
import type { ConfigDoc } from '../../lib/queries';
import { useUpdatePortMutation } from './queries';

export interface PortForm {
  ipEnabled: boolean;
  dhcp: boolean;
  address: string;
  subnetMask: string;
  gateway: string;
  dns0: string;
  dns1: string;
  mtu: string;
}

export function formOf(port: Port): PortForm {
  return {
    ipEnabled: port.ipEnabled,
    dhcp: port.dhcp,
    address: port.address ?? '',
    subnetMask: port.subnetMask ?? '',
    gateway: port.gateway ?? '',
    dns0: port.dns[0] ?? '',
    dns1: port.dns[1] ?? '',
    mtu: port.mtu === null ? '' : String(port.mtu),
  };
}

/** The PUT body, as typed: empty fields are null, DNS keeps its positions (dns[0], dns[1]). */
export function settingsOf(form: PortForm, mtuConfigurable: boolean): PortSettings {
  const blank = (v: string) => (v.trim() === '' ? null : v.trim());
  const dns = form.dns1.trim()
    ? [form.dns0.trim(), form.dns1.trim()]
    : form.dns0.trim()
      ? [form.dns0.trim()]
      : [];
  return {
    ipEnabled: form.ipEnabled,
    dhcp: form.dhcp,
    address: blank(form.address),
    subnetMask: blank(form.subnetMask),
    gateway: blank(form.gateway),
    dns,
    mtu: mtuConfigurable && form.mtu.trim() !== '' ? Number(form.mtu.trim()) : null,
  };
}

const FIELD_PATHS = [
  'ipEnabled',
  'dhcp',
  'address',
  'subnetMask',
  'gateway',
  'dns[0]',
  'dns[1]',
  'mtu',
];

/** The static address fields: form key, issue path, label, placeholder (none: optional). */
const STATIC_FIELDS = [
  ['address', 'address', 'network.address', '192.168.20.10'],
  ['subnetMask', 'subnetMask', 'network.subnetMask', '255.255.255.0'],
  ['gateway', 'gateway', 'network.gateway', undefined],
  ['dns0', 'dns[0]', 'network.dnsPrimary', undefined],
  ['dns1', 'dns[1]', 'network.dnsSecondary', undefined],
] as const;

/** One port's IP settings in a blade, checked by the core on every keystroke; Apply → PUT with If-Match. */
export function PortBlade({
  port,
  revision,
  config,
  onClose,
}: {
  port: Port;
  revision: number;
  config: ConfigDoc | undefined;
  onClose: () => void;
}) {
  const { t, locale } = useI18n();
  const toast = useToast();
  const initial = useMemo(() => formOf(port), [port]);
  const draft = useDraft<PortForm>(initial, revision);
  const form = draft.values ?? initial;
  const { server, failure, setFailure, onError, ...outcome } = useConfigFormWrite((revision) =>
    draft.rebase(revision),
  );
  const modeName = useId();

  const settings = useMemo(
    () => settingsOf(form, port.mtuConfigurable),
    [form, port.mtuConfigurable],
  );
  const check = useCallback(
    (device: ConfigDoc, change: PortSettings) => checkPortChange(device, port.name, change).issues,
    [port.name],
  );
  const issues = useChangeIssues(config, settings, check, server.issues);
  const at = (path: string) => issuesAt(issues, path);

  const set =
    <K extends keyof PortForm>(key: K, path: string) =>
    (value: PortForm[K]) => {
      draft.update((f) => ({ ...f, [key]: value }));
      server.clearFor(path);
      setFailure(null);
    };

  // SPEC §7.2: a management-port change must be acknowledged (asked in a dialog), and any change
  // may opt in to "revert automatically unless I confirm".
  const [optIn, setOptIn] = useState(false);
  const [warning, setWarning] = useState<{ en: string; ja: string } | null>(null);
  const apply = useUpdatePortMutation({
    onSuccess: () => {
      toast({ kind: 'success', title: { key: 'network.applied', params: { port: port.name } } });
      onClose();
    },
    onError: (error) => {
      const problem = isApiError(error, 422) ? error.problem : null;
      const ack =
        problem?.code === 'change.acknowledgementRequired' ? problem.issues?.[0] : undefined;
      if (ack) {
        setWarning(ack.message);
        return;
      }
      onError(error);
    },
  });
  const send = (acknowledge: string[]) =>
    apply.mutate({
      name: port.name,
      settings,
      revision: draft.baseRevision ?? revision,
      acknowledge,
      confirm: optIn,
    });

  const speed = port.speedGbps.length ? `${port.speedGbps.join('/')} GbE` : '';
  const link = port.link.connected ? t('network.linkUp') : t('network.linkDown');
  const blocked = blocks(issues) || !config;
  const other = unplacedIssues(issues, FIELD_PATHS);

  return (
    <FormBlade
      title={t('network.bladeTitle', { port: port.name })}
      subtitle={[speed, link].filter(Boolean).join(' · ')}
      onClose={onClose}
      action={{ busy: apply.isPending, disabled: blocked, onSubmit: () => send([]) }}
      outcome={outcome}
      showRebased
      after={
        <ConfirmDialog
          open={warning !== null}
          title={t('pending.ackTitle')}
          confirmLabel={t('pending.ackConfirm')}
          danger
          busy={apply.isPending}
          onConfirm={() => {
            setWarning(null);
            send(['port.managementChange']);
          }}
          onCancel={() => setWarning(null)}
        >
          <p>{warning?.[locale]}</p>
        </ConfirmDialog>
      }
      notice={
        port.compute ? (
          <p className="notice notice--info">{t('network.computePortNote', { port: port.name })}</p>
        ) : null
      }
    >
      <label className="check">
        <input
          type="checkbox"
          checked={form.ipEnabled}
          onChange={(e) => set('ipEnabled', 'ipEnabled')(e.target.checked)}
        />
        <span>{t('network.ipEnabled')}</span>
      </label>
      <FieldIssues id={`${modeName}-ip`} issues={at('ipEnabled')} />
      {form.ipEnabled ? (
        <>
          <fieldset className="radio-group">
            <legend className="field-label">{t('network.addressing')}</legend>
            <label className="radio">
              <input
                type="radio"
                name={modeName}
                checked={!form.dhcp}
                onChange={() => set('dhcp', 'dhcp')(false)}
              />
              <span>{t('network.static')}</span>
            </label>
            <label className="radio">
              <input
                type="radio"
                name={modeName}
                checked={form.dhcp}
                onChange={() => set('dhcp', 'dhcp')(true)}
              />
              <span>{t('network.dhcp')}</span>
            </label>
          </fieldset>
          <FieldIssues id={`${modeName}-dhcp`} issues={at('dhcp')} />
          {form.dhcp ? (
            <p className="field-hint">
              {port.dhcp && port.address
                ? t('network.dhcpLease', {
                    address: port.address,
                    mask: port.subnetMask ?? '',
                    gateway: port.gateway ?? t('common.none'),
                  })
                : t('network.dhcpNoLease')}
            </p>
          ) : (
            <div className="form-grid">
              {STATIC_FIELDS.map(([key, path, label, placeholder]) => (
                <TextField
                  key={key}
                  label={t(label)}
                  address
                  value={form[key]}
                  onValueChange={set(key, path)}
                  issues={at(path)}
                  placeholder={placeholder}
                  hint={placeholder ? undefined : t('common.optional')}
                />
              ))}
            </div>
          )}
        </>
      ) : null}
      {port.mtuConfigurable ? (
        <TextField
          label={t('network.mtu')}
          inputMode="numeric"
          autoComplete="off"
          value={form.mtu}
          onValueChange={set('mtu', 'mtu')}
          issues={at('mtu')}
          hint={t('network.mtuHint', { min: String(MTU_MIN), max: String(MTU_MAX) })}
        />
      ) : (
        <p className="field-hint">{t('network.mtuFixed')}</p>
      )}
      <OptInConfirm checked={optIn} onChange={setOptIn} />
      <FieldIssues id={`${modeName}-other`} issues={other} />
      <FormFailure message={failure} />
    </FormBlade>
  );
}
