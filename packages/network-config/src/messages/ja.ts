import type { MessageTable } from '../issues';

const FIELDS: Record<string, string> = {
  computePort: 'コンピューティング ポート',
  nodeIpRange: 'Kubernetes ノード IP',
  serviceIpRange: 'Kubernetes 外部サービス IP',
  podCidr: 'ポッド CIDR',
  serviceCidr: 'サービス CIDR',
};

/** Japanese messages, in the terms of the device's own Japanese documentation (SPEC §6). */
export const messagesJa: MessageTable = {
  'field.required': () => 'この項目は必須です。',
  'field.invalid': (p) => `この値は無効です${p.detail ? `: ${p.detail}` : ''}。`,
  'address.invalid': (p) =>
    p.value === ''
      ? 'IP アドレスを入力してください。'
      : `"${p.value}" は有効な IP アドレスではありません (例: 192.168.20.10)。`,
  'address.notIPv4': (p) =>
    `"${p.value}" は IPv4 アドレスではありません。ポートと範囲は IPv4 のみです。`,
  'mask.invalid': (p) =>
    `"${p.value}" は有効なサブネット マスクではありません (例: 255.255.255.0)。`,
  'mask.notContiguous': (p) =>
    `${p.value} は連続したサブネット マスクではありません。1 のビットを先頭に続けてください (例: 255.255.255.0)。`,
  'prefix.invalid': (p) =>
    `"${p.value}" は IP アドレスでも IP アドレス プレフィックスでもありません (例: 192.168.20.0/24)。`,
  'prefix.lengthInvalid': (p) =>
    `"${p.value}" のプレフィックス長は 0 から ${p.max} までの整数にしてください。`,
  'prefix.hostBits': (p) =>
    `${p.value} にはホスト部のビットが含まれています。${p.canonical} のことですか?`,
  'range.invalid': (p) =>
    `"${p.value}" は範囲ではありません (開始-終了 の形式で入力してください)。`,
  'range.startAfterEnd': (p) => `範囲の開始 ${p.start} が終了 ${p.end} より後になっています。`,
  'port.unknown': (p) => `このデバイスには ${p.port} というポートはありません。`,
  'port.addressUnusable': (p) =>
    `${p.address} はポートのアドレスにできません (ループバック、マルチキャスト、ブロードキャスト、または未指定のアドレス)。`,
  'port.addressIsNetwork': (p) =>
    `${p.address} は ${p.subnet} のネットワーク アドレスです。ホスト アドレスを選んでください。`,
  'port.addressIsBroadcast': (p) =>
    `${p.address} は ${p.subnet} のブロードキャスト アドレスです。ホスト アドレスを選んでください。`,
  'port.addressInUse': (p) => `${p.address} は既に ${p.other} のアドレスです。`,
  'port.gatewayOutsideSubnet': (p) =>
    `ゲートウェイ ${p.gateway} が ${p.port} のサブネット ${p.subnet} の外にあります。`,
  'port.gatewayIsAddress': (p) =>
    `ゲートウェイ ${p.gateway} をポート自身のアドレスにすることはできません。`,
  'port.subnetsOverlap': (p) =>
    `${p.port} のサブネット ${p.subnet} が ${p.other} のサブネット ${p.otherSubnet} と重なっています。トラフィックがどちらのポートから出るかわかりません。`,
  'port.mtuOutOfRange': (p) =>
    `MTU は ${p.min} から ${p.max} までの整数にしてください${p.value && p.value !== 'NaN' ? ` (${p.value} は範囲外です)` : ''}。`,
  'port.mtuNotConfigurable': (p) => `このデバイスでは ${p.port} の MTU を変更できません。`,
  'port.subnetOverlapsPodCidr': (p) =>
    `${p.port} のサブネット ${p.subnet} がポッド CIDR ${p.cidr} と重なっています。`,
  'port.subnetOverlapsServiceCidr': (p) =>
    `${p.port} のサブネット ${p.subnet} がサービス CIDR ${p.cidr} と重なっています。`,
  'compute.portUnknown': (p) => `このデバイスには ${p.port} というポートはありません。`,
  'compute.portIpDisabled': (p) =>
    `${p.port} は IP が無効です。コンピューティングの前に IP を有効にしてください。`,
  'compute.portDhcp': (p) =>
    `${p.port} は DHCP を使用しています。サブネットが変わる可能性があり、静的な範囲は DHCP スコープの外にする必要があります。静的構成をお勧めします。`,
  'compute.portNoAddress': (p) =>
    `${p.port} にはまだ IP アドレスがありません。コンピューティングを有効にする前に静的構成を設定してください。`,
  'compute.rangeNotIPv4': (p) =>
    `"${p.value}" は IPv4 アドレスではありません (例: 192.168.20.50)。`,
  'compute.rangeOutsideSubnet': (p) =>
    `${p.address} が ${p.port} のサブネット ${p.subnet} の外にあります。`,
  'compute.rangeIncludesNetwork': (p) =>
    `範囲に ${p.subnet} のネットワーク アドレス ${p.address} が含まれています。`,
  'compute.rangeIncludesBroadcast': (p) =>
    `範囲に ${p.subnet} のブロードキャスト アドレス ${p.address} が含まれています。`,
  'compute.rangeIncludesPortAddress': (p) =>
    `範囲に ${p.port} のアドレス ${p.address} が含まれています。`,
  'compute.rangeIncludesGateway': (p) =>
    `範囲に ${p.port} のゲートウェイ ${p.address} が含まれています。`,
  'compute.rangeIncludesDns': (p) =>
    `範囲に ${p.port} の DNS サーバー ${p.address} が含まれています。`,
  'compute.nodeRangeTooSmall': (p) =>
    `Kubernetes ノード IP の範囲は ${p.size} 個です。${p.nodeCount} ノードのデバイスには少なくとも ${p.required} 個必要です (マスター ノード 1 つと、ノードごとにワーカー ノード 1 つ)。`,
  'compute.rangesOverlap': (p) =>
    `Kubernetes ノード IP と Kubernetes 外部サービス IP が重なっています (${p.first}–${p.last})。`,
  'compute.rangeOverlapsPodCidr': (p) => `範囲がポッド CIDR ${p.cidr} と重なっています。`,
  'compute.rangeOverlapsServiceCidr': (p) => `範囲がサービス CIDR ${p.cidr} と重なっています。`,
  'compute.cidrNotIPv4': (p) =>
    `${p.value} は IPv4 プレフィックスにしてください (例: 172.27.0.0/16)。`,
  'compute.cidrsOverlap': (p) =>
    `ポッド CIDR ${p.podCidr} とサービス CIDR ${p.serviceCidr} が重なっています。`,
  'compute.serviceCidrTooSmall': (p) =>
    `サービス CIDR ${p.value} が小さすぎます。kubernetes と kube-dns のサービス用の空きが必要です (/${p.maxLength} 以上)。`,
  'compute.locked': (p) =>
    p.state === 'Configuring'
      ? `コンピューティングの構成中は ${FIELDS[String(p.field)] ?? p.field} を変更できません。変更の完了をお待ちください。`
      : `コンピューティングの構成後は ${FIELDS[String(p.field)] ?? p.field} を変更できません。先にコンピューティングを無効にしてください。`,
  'route.interfaceUnknown': (p) =>
    `このデバイスには ${p.interfaceAlias} というインターフェイスはありません。`,
  'route.interfaceIpDisabled': (p) => `${p.interfaceAlias} は IP が無効です。`,
  'route.interfaceNotStatic': (p) =>
    `${p.interfaceAlias} は DHCP を使用しています。ルートには静的構成のインターフェイスが必要です。`,
  'route.familyMismatch': (p) =>
    `宛先 ${p.destination} と次ホップ ${p.nextHop} のアドレス ファミリが一致しません。`,
  'route.nextHopOutsideSubnet': (p) =>
    `次ホップ ${p.nextHop} が ${p.interfaceAlias} のサブネット ${p.subnet} の外にあります。`,
  'route.nextHopIsInterface': (p) =>
    `次ホップ ${p.nextHop} は ${p.interfaceAlias} 自身のアドレスです。ゲートウェイのアドレスか、オンリンクの場合は 0.0.0.0 を指定してください。`,
  'route.nextHopNotLinkLocal': (p) =>
    `次ホップ ${p.nextHop} には到達できません。ポートには IPv6 サブネットがないため、:: (オンリンク) か fe80:: のリンクローカル アドレスを指定してください。`,
  'route.metricInvalid': (p) =>
    `メトリック "${p.value}" は ${p.min} から ${p.max} までの整数にしてください。`,
  'route.duplicate': (p) =>
    `${p.interfaceAlias} の宛先 ${p.destinationPrefix} へのルートは既に存在します。変更するには先に削除してください。`,
  'route.destinationInPodCidr': (p) =>
    `宛先 ${p.destination} はポッド CIDR ${p.cidr} 内にあります。この範囲は Calico がルーティングします。`,
  'route.destinationInServiceCidr': (p) =>
    `宛先 ${p.destination} はサービス CIDR ${p.cidr} 内にあります。この範囲は Kubernetes がルーティングします。`,
  'route.destinationConnected': (p) =>
    `宛先 ${p.destination} は ${p.interfaceAlias} 自身のサブネット ${p.subnet} 内にあり、既に直接到達できます。このルートは冗長です。`,
  'route.defaultRoute': () =>
    `0.0.0.0/0 へのルートは、内部仮想スイッチ経由の VM のインターネット パスを置き換えます。`,
  'route.notComputePort': (p) =>
    `${p.interfaceAlias} はコンピューティング ポート${p.computePort ? ` (${p.computePort})` : ''}ではありません。ルートは保持されますが、Kubernetes VM では無効です。`,
  'route.computeNotConfigured': () =>
    `コンピューティングはまだ構成されていません。構成されると、ルートが Kubernetes VM に追加されます。`,
  'route.vmUnknown': (p) =>
    `${p.vm} という Kubernetes VM はありません${p.vms ? ` (VM: ${p.vms})` : ''}。`,
  'route.nextHopIsNetwork': (p) =>
    `次ホップ ${p.nextHop} は ${p.interfaceAlias} のサブネット ${p.subnet} のネットワーク アドレスです。サブネット内のホスト アドレスを指定してください。`,
  'route.nextHopIsBroadcast': (p) =>
    `次ホップ ${p.nextHop} は ${p.interfaceAlias} のサブネット ${p.subnet} のブロードキャスト アドレスです。VM の Linux カーネルはゲートウェイとして受け付けません。`,
  'route.nextHopIsPortAddress': (p) =>
    `次ホップ ${p.nextHop} はこのデバイスの ${p.port} 自身のアドレスで、ゲートウェイではありません。`,
  'route.nextHopIsNodeIp': (p) =>
    `次ホップ ${p.nextHop} は Kubernetes VM ${p.vm} のノード IP です。その VM ではローカル アドレスのため、カーネルはゲートウェイとして受け付けません。`,
  'route.nextHopIsServiceIp': (p) =>
    `次ホップ ${p.nextHop} は MetalLB がサービスに割り当てる外部サービス IP の範囲 ${p.start}–${p.end} 内にあり、ゲートウェイではありません。`,
  'route.sameAsConnected': (p) =>
    `メトリック ${p.metric} の ${p.destination} は既に ${p.connectedTo} の接続ルートです。VM の Linux カーネルはプレフィックスとメトリックが同じ 2 つ目のルートを受け付けません ("File exists")。別のメトリックを指定するか、ルートを追加しないでください。`,
  'route.destinationInternalSubnet': (p) =>
    `宛先 ${p.destination} は内部仮想スイッチのサブネット ${p.subnet} 内にあり、VM は内部 NIC から直接到達できます。`,
  'route.destinationLoopback': (p) =>
    `宛先 ${p.destination} はループバック ブロック 127.0.0.0/8 内にあり、VM は常に自分自身に配送します。`,
  'route.destinationMulticast': (p) =>
    `宛先 ${p.destination} はマルチキャスト ブロック 224.0.0.0/4 内にあります。マルチキャストはゲートウェイを経由せずリンク上に送信されます。`,
  'route.destinationBroadcast': (p) =>
    `宛先 ${p.destination} は限定ブロードキャスト アドレスです。ブロードキャストはリンク上にとどまります。`,
  'compute.cidrHostBits': (p) =>
    `${p.value} にはホスト部のビットが設定されています。ネットワーク ${p.canonical} として扱います。`,
  'password.length': (p) => `パスワードは ${p.min} 文字以上 ${p.max} 文字以下にしてください。`,
  'password.classes': (p) =>
    `パスワードには、英大文字、英小文字、数字、特殊文字のうち ${p.required} 種類以上を使用してください (現在 ${p.used} 種類)。`,
  'password.unchanged': () => '新しいパスワードは現在のパスワードと異なるものにしてください。',
  'password.incorrect': () => '現在のパスワードが正しくありません。',
};
