import type { Issue } from '@edgenet/network-config';
import { blocks, issuesAt, useChangeIssues, useConfigFormWrite } from './forms';
import type { UiIssue } from './i18n';
import type { ConfigDoc } from './queries';

/**
 * A form that edits the configuration and is checked by the core on every keystroke: the write's
 * outcome (`useConfigFormWrite`), the core's and the server's issues on `input`, the issues at a
 * field (`at`), whether they block the save (`blocked`, also while the configuration is not
 * loaded), and `touched(path)`, which clears the server's verdict on a field and the failure line
 * when it is edited (`field(path, setter)`: a field's change handler that sets and touches;
 * `bind(path, value, setter)`: a field's value, change handler and issues).
 * `check` must be stable (`useCallback`).
 */
export function useCheckedConfigForm<S>(
  config: ConfigDoc | undefined,
  input: S,
  check: (device: ConfigDoc, input: S) => Issue[],
  rebase: (revision: number) => void,
) {
  const write = useConfigFormWrite(rebase);
  const issues: UiIssue[] = useChangeIssues(config, input, check, write.server.issues);
  const touched = (path: string) => {
    write.server.clearFor(path);
    write.setFailure(null);
  };
  const field =
    <V>(path: string, setter: (value: V) => void) =>
    (value: V) => {
      setter(value);
      touched(path);
    };
  const at = (path: string) => issuesAt(issues, path);
  return {
    ...write,
    issues,
    at,
    blocked: blocks(issues) || !config,
    touched,
    field,
    bind: <V>(path: string, value: V, setter: (value: V) => void) => ({
      value,
      onValueChange: field(path, setter),
      issues: at(path),
    }),
  };
}

/** What a blade that edits the configuration is given: the configuration, its revision, a close. */
export interface ConfigBladeProps {
  config: ConfigDoc | undefined;
  revision: number;
  onClose: () => void;
}
