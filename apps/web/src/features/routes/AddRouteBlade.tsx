import {
  ROUTE_METRIC_DEFAULT,
  ROUTE_METRIC_MAX,
  ROUTE_METRIC_MIN,
  type RouteInput,
  validateRoute,
} from '@edgenet/network-config';
import type { RouteCreateBody } from '@edgenet/network-config/contract';
import { useId, useMemo, useRef, useState } from 'react';
import { FieldIssues, FormFailure } from '../../components/FieldIssues';
import { FormBlade, OptInConfirm } from '../../components/FormBlade';
import { SelectField } from '../../components/SelectField';
import { savedToast } from '../../components/savedToast';
import { TextField } from '../../components/TextField';
import { useToast } from '../../components/Toasts';
import { blocks, issuesAt, mergeIssues, unplacedIssues, useConfigFormWrite } from '../../lib/forms';
import { type UiIssue, useI18n } from '../../lib/i18n';
import type { ConfigDoc } from '../../lib/queries';
import { useAddRouteMutation } from './queries';

export interface RouteForm {
  interfaceAlias: string;
  destination: string;
  prefixLength: string;
  nextHop: string;
  routeMetric: string;
}

/** The destination as the cmdlet takes it: `address/length`, or a bare address (a host route). */
export function destinationPrefixOf(form: Pick<RouteForm, 'destination' | 'prefixLength'>): string {
  const address = form.destination.trim();
  const length = form.prefixLength.trim();
  return length === '' ? address : `${address}/${length}`;
}

export function inputOf(form: RouteForm): RouteInput {
  return {
    interfaceAlias: form.interfaceAlias,
    destinationPrefix: destinationPrefixOf(form),
    nextHop: form.nextHop.trim(),
    routeMetric: form.routeMetric.trim() === '' ? undefined : form.routeMetric.trim(),
  };
}

/** Splits a pasted or typed `a.b.c.d/len` between the destination and prefix length fields. */
function splitPrefix(text: string): { destination: string; prefixLength?: string } {
  const slash = text.indexOf('/');
  return slash === -1
    ? { destination: text }
    : { destination: text.slice(0, slash), prefixLength: text.slice(slash + 1) };
}

const PLACED = ['interfaceAlias', 'destinationPrefix', 'nextHop', 'routeMetric'];

/**
 * Add-HcsNetRoute in a blade: interface, destination and prefix length (宛先 / プレフィックス長, as
 * the article's table has them), next hop, metric. The core's `validateRoute` runs on every key;
 * warnings (e.g. a destination in the port's own subnet) are shown and do not block.
 */
export function AddRouteBlade({
  config,
  revision,
  defaultInterface,
  onClose,
}: {
  config: ConfigDoc;
  revision: number | undefined;
  defaultInterface: string;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const toast = useToast();
  const [form, setForm] = useState<RouteForm>({
    interfaceAlias: defaultInterface,
    destination: '',
    prefixLength: '',
    nextHop: '',
    routeMetric: '',
  });
  const [baseRevision, setBaseRevision] = useState(revision);
  const [touched, setTouched] = useState<Record<string, boolean>>({});
  const [submitted, setSubmitted] = useState(false);
  // SPEC §7.2: any change may opt in to "revert automatically unless I confirm".
  const [optIn, setOptIn] = useState(false);
  const { server, failure, setFailure, onError, ...outcome } = useConfigFormWrite(setBaseRevision);
  const ids = useId();
  const prefixLengthInput = useRef<HTMLInputElement | null>(null);

  const input = useMemo(() => inputOf(form), [form]);
  const inline = useMemo(() => validateRoute(input, config), [input, config]);
  const all: UiIssue[] = mergeIssues(inline, server.issues);
  // "Required" only after the field was left or the form submitted; everything else while typing.
  const issues = all.filter((i) => i.code !== 'field.required' || submitted || touched[i.path]);
  const at = (path: string) => issuesAt(issues, path);

  const set = (change: Partial<RouteForm>, path: string) => {
    setForm((f) => ({ ...f, ...change }));
    setTouched((s) => (s[path] ? s : { ...s, [path]: true }));
    server.clearFor(path);
    setFailure(null);
  };

  const add = useAddRouteMutation({
    onSuccess: (created) => {
      const title = {
        key: 'routes.added',
        params: { destination: created.destinationPrefix, interface: created.interfaceAlias },
      } as const;
      toast(savedToast(title, created.issues));
      onClose();
    },
    onError,
  });
  const send = () => {
    const body: RouteCreateBody = {
      interfaceAlias: input.interfaceAlias,
      destinationPrefix: input.destinationPrefix,
      nextHop: input.nextHop,
      ...(input.routeMetric === undefined ? {} : { routeMetric: Number(input.routeMetric) }),
    };
    add.mutate({ body, revision: baseRevision, confirm: optIn });
  };

  const blocked = blocks(all);
  const submit = () => {
    setSubmitted(true);
    if (!blocked && !add.isPending && !outcome.conflict) send();
  };
  const metricText = input.routeMetric ?? String(ROUTE_METRIC_DEFAULT);
  const cmdlet = `Add-HcsNetRoute -InterfaceAlias "${input.interfaceAlias}" -DestinationPrefix "${input.destinationPrefix}" -NextHop "${input.nextHop}" -RouteMetric ${metricText}`;

  const canonicalButton = (issue: UiIssue) => {
    const canonical = issue.code === 'prefix.hostBits' ? issue.params?.canonical : undefined;
    if (typeof canonical !== 'string') return null;
    return (
      <button
        type="button"
        className="button button--small"
        onClick={() =>
          set(
            {
              destination: splitPrefix(canonical).destination,
              prefixLength: splitPrefix(canonical).prefixLength ?? '',
            },
            'destinationPrefix',
          )
        }
      >
        {t('routes.useCanonical', { prefix: canonical })}
      </button>
    );
  };

  return (
    <FormBlade
      title={t('routes.addTitle')}
      subtitle={t('routes.addSubtitle')}
      onClose={onClose}
      action={{
        label: t('routes.add'),
        busyLabel: t('common.saving'),
        busy: add.isPending,
        disabled: submitted && blocked,
        onSubmit: submit,
      }}
      outcome={outcome}
      showRebased
      onEnter={submit}
    >
      <SelectField
        label={t('routes.interface')}
        value={form.interfaceAlias}
        onValueChange={(interfaceAlias) => set({ interfaceAlias }, 'interfaceAlias')}
        issues={at('interfaceAlias')}
      >
        {config.ports.map((p) => (
          <option key={p.name} value={p.name}>
            {p.name}
            {p.name === config.compute.computePort ? ` (${t('routes.computePort')})` : ''}
            {p.ipEnabled && p.dhcp ? ` (${t('network.dhcp')})` : ''}
          </option>
        ))}
      </SelectField>

      <fieldset className="field-group" aria-describedby={`${ids}-dest-issues`}>
        <legend className="visually-hidden">{t('routes.destinationGroup')}</legend>
        <div className="destination-fields">
          <TextField
            label={t('routes.destination')}
            address
            value={form.destination}
            onValueChange={(v) => {
              const split = splitPrefix(v);
              if (split.prefixLength === undefined) {
                set({ destination: v }, 'destinationPrefix');
                return;
              }
              // A `/` typed (or pasted) in the address: what follows belongs to the prefix
              // length, and so do the next keys — focus moves there, as the `/` between the two
              // fields shows. Without the move, typing `192.168.30.0/24` key by key left the
              // `24` in this field (`192.168.30.024`).
              set(
                {
                  destination: split.destination,
                  prefixLength: split.prefixLength || form.prefixLength,
                },
                'destinationPrefix',
              );
              const next = prefixLengthInput.current;
              if (next && document.activeElement !== next) {
                next.focus();
                if (!split.prefixLength) next.select();
              }
            }}
            placeholder="192.168.21.0"
            aria-invalid={at('destinationPrefix').some((i) => i.severity === 'error') || undefined}
            aria-describedby={`${ids}-dest-issues`}
          />
          <span className="prefix-slash" aria-hidden="true">
            /
          </span>
          <TextField
            label={t('routes.prefixLength')}
            inputMode="numeric"
            autoComplete="off"
            inputRef={prefixLengthInput}
            value={form.prefixLength}
            // A leading `/` (typed out of habit) is the separator the page already shows.
            onValueChange={(v) => set({ prefixLength: v.replace(/^\//, '') }, 'destinationPrefix')}
            placeholder="24"
            className="field--narrow"
            aria-describedby={`${ids}-dest-issues`}
          />
        </div>
        <p className="field-hint">{t('routes.destinationHint')}</p>
        <FieldIssues
          id={`${ids}-dest-issues`}
          issues={at('destinationPrefix')}
          renderExtra={canonicalButton}
        />
      </fieldset>

      <TextField
        label={t('routes.nextHop')}
        address
        value={form.nextHop}
        onValueChange={(v) => set({ nextHop: v }, 'nextHop')}
        issues={at('nextHop')}
        placeholder="192.168.20.1"
        hint={t('routes.nextHopHint')}
      />
      <TextField
        label={t('routes.metric')}
        inputMode="numeric"
        autoComplete="off"
        value={form.routeMetric}
        onValueChange={(v) => set({ routeMetric: v }, 'routeMetric')}
        issues={at('routeMetric')}
        placeholder={String(ROUTE_METRIC_DEFAULT)}
        hint={t('routes.metricHint', {
          min: String(ROUTE_METRIC_MIN),
          max: String(ROUTE_METRIC_MAX),
          default: String(ROUTE_METRIC_DEFAULT),
        })}
      />
      <FieldIssues id={`${ids}-other`} issues={unplacedIssues(issues, PLACED)} />
      <OptInConfirm checked={optIn} onChange={setOptIn} />
      <FormFailure message={failure} />
      <div className="cmdlet">
        <p className="field-label">{t('routes.cmdlet')}</p>
        <code>{cmdlet}</code>
      </div>
    </FormBlade>
  );
}
