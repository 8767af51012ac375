/** The text of `edgenet-ps --help`. */
export const USAGE = `edgenet-ps — the Azure Stack Edge PowerShell cmdlets for an edgenet server

Usage:
  edgenet-ps [options] <cmdlet> [<parameters>...]   run one command
  edgenet-ps [options] -c '<command line>'          run one command line, quotes kept
  edgenet-ps [options] -f <script.ps1>              run a script (- reads standard input)
  edgenet-ps [options] < script.ps1                 run a script from standard input
  edgenet-ps [options]                              open the interactive console
  edgenet-ps [options] --export <format> [--out <file>]
                                 write the configuration: ps1, metallb, calico, iproute2, json
  edgenet-ps [options] --import <file> [--format <f>] [--mode merge|replace] [--dry-run]
                                 preview each line of <file>, then apply it as one change

Options (before the cmdlet; everything after it belongs to the cmdlet):
  --url <url>            the edgenet server (env EDGENET_URL; default http://localhost:8080)
  --password <password>  the sign-in password (env EDGENET_PASSWORD; else asked for on a terminal)
  --new-password <pw>    set a new password when the initial one must be changed
                         (env EDGENET_NEW_PASSWORD)
  -f, --file <path>      run the script in <path>: one command per line, # comments
  -c, --command <line>   run one command line exactly as written
  --continue-on-error    in a script, go on after a failing command (default: stop at the first)
  --locale en|ja         language of messages (default from LANG)
  --json                 write every Get-* result as JSON (same as -AsJson on each)
  --sign-out             sign out and forget the saved session
  --out <file>           with --export: write the file there instead of to standard output
  --format <f>           with --import: ps1, table (Get-HcsNetRoute output), csv, iproute2,
                         json (default from the file's extension; .txt is a table)
  --mode merge|replace   with --import: keep (default) or remove the routes the file omits
  --dry-run              with --import: show the preview only; change nothing
  -h, --help             show this help
  -v, --version          show the version

Commands:
  Add-HcsNetRoute -InterfaceAlias <port> -DestinationPrefix <prefix> -NextHop <address> [-RouteMetric <0-65535>]
  Get-HcsNetRoute [-InterfaceAlias <port>] [-AsJson]
  Remove-HcsNetRoute -InterfaceAlias <port> -DestinationPrefix <prefix>
  Get-HcsKubeClusterNetworkInfo [-AsJson]
  Set-HcsKubeClusterNetworkInfo -PodSubnet <cidr> -ServiceSubnet <cidr>
  Get-HcsExternalVirtualSwitch [-AsJson]
  Get-NetAdapter [[-Name] <port>] [-Physical] [-AsJson]
  Get-HcsApplianceInfo [-AsJson]
  kubectl get (pods | svc | nodes) [-n <namespace> | -A] [-o wide]
  Get-Help <command>, Get-Command

Examples:
  edgenet-ps Add-HcsNetRoute -InterfaceAlias Port3 -DestinationPrefix 192.168.20.0/24 -NextHop 192.168.20.1 -RouteMetric 100
  edgenet-ps -c 'Remove-HcsNetRoute -InterfaceAlias "Port3" -DestinationPrefix "192.168.21.0/24"'
  edgenet-ps --json Get-HcsNetRoute -InterfaceAlias Port3
  edgenet-ps Get-Help Add-HcsNetRoute

The session cookie is kept in ~/.config/edgenet/session.json (mode 0600; env
EDGENET_SESSION_FILE overrides), so later commands do not sign in again.
Exit status: 0 on success, 1 when a command failed, 2 for a usage error.
`;
