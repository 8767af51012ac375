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
  'port.managementChange': (p) =>
    `${p.port} は管理用ポートです。${
      p.reason === 'ipOff'
        ? 'IP を無効にする'
        : p.reason === 'dhcp'
          ? 'DHCP に切り替える'
          : 'アドレスを変更する'
    }と、このコンソールに接続できなくなる可能性があります。確認すると仮適用され、確定しなければ元に戻ります。`,
  'import.lineUnreadable': (p) =>
    `この行は ${p.format} として読み取れません。次のような行を指定してください: ${p.expected}`,
  'import.commandUnsupported': (p) =>
    `${p.command} はインポートできません。インポートできるのは Add-HcsNetRoute、Remove-HcsNetRoute、Set-HcsKubeClusterNetworkInfo の行だけです。`,
  'import.scriptError': (p) => `この行は PowerShell として読み取れません: ${p.ja}`,
  'import.jsonInvalid': (p) =>
    `構成ドキュメントではありません: ${p.detail}。エクスポート (json) が書き出す JSON を指定してください。`,
  'import.duplicateLine': (p) =>
    `${p.line} 行目で ${p.interfaceAlias} の宛先 ${p.destinationPrefix} へのルートが別の値で指定されています。どちらか一方の行だけを残してください。`,
  'import.removeUnknown': (p) =>
    `${p.interfaceAlias} に宛先 ${p.destinationPrefix} へのルートはないため、この行は何も変更しません。`,
  'import.nicUnmapped': (p) =>
    `dev ${p.dev} はどのポートも指していません。コンピューティングを有効にしたポートの NIC (${p.external}) か、Port3 のようなポート名を指定してください。`,
  'import.empty': () => 'インポートするルートも設定もありません。',
  'route.notFound': (p) =>
    `${p.interfaceAlias} に宛先 ${p.destinationPrefix} へのルートはありません。`,
  // Kubernetes サービス: Kubernetes と MetalLB の表現に合わせる
  'service.nameInvalid': (p) =>
    `metadata.name: 無効な値 "${p.value}": 英小文字、数字、'-' だけを使い、英字で始めて英数字で終わる DNS-1035 ラベルにしてください (例: 'my-name')。`,
  'service.namespaceInvalid': (p) =>
    `metadata.namespace: 無効な値 "${p.value}": 英小文字、数字、'-' だけを使い、英数字で始めて英数字で終わる RFC 1123 ラベルにしてください。`,
  'service.typeUnsupported': (p) =>
    `spec.type: サポートされていない値 "${p.value}": 使える値は "ClusterIP" (クラスター IP サービス) と "LoadBalancer" (ロード バランサー) です。`,
  'service.portsRequired': () => 'spec.ports: ポートを 1 つ以上指定してください。',
  'service.portInvalid': (p) =>
    `spec.ports.port: 無効な値 ${p.value}: 1 から 65535 までの整数にしてください。`,
  'service.portDuplicate': (p) => `spec.ports: 値が重複しています: ${p.port}`,
  'service.protocolInvalid': (p) =>
    `spec.ports.protocol: サポートされていない値 "${p.value}": 使える値は "SCTP"、"TCP"、"UDP" です。`,
  'service.targetPortInvalid': (p) =>
    `spec.ports.targetPort: 無効な値 "${p.value}": ポート番号 (1–65535) かポート名 (英小文字、数字、'-' で 15 文字以内) にしてください。`,
  'service.loadBalancerIpInvalid': (p) =>
    `spec.loadBalancerIP: 無効な値 "${p.value}": 有効な IPv4 アドレスにしてください。`,
  'service.duplicate': (p) => `名前空間 ${p.namespace} にはサービス "${p.name}" が既にあります。`,
  'service.computeNotConfigured': (p) =>
    `サービスはコンピューティングが構成済み (Configured) になってから作成できます (現在: ${p.state})。先に Kubernetes ノード IP と Kubernetes 外部サービス IP を指定してポートでコンピューティングを有効にしてください。`,
  'service.notFound': (p) => `名前空間 ${p.namespace} にサービス "${p.name}" はありません。`,
  'service.pending': (p) => `${p.service} は <pending> のままです: ${p.event}`,
  'service.manifestInvalid': (p) => `マニフェストの ${p.line} 行目を解析できません: ${p.detail}`,
  'service.manifestKind': (p) =>
    `${p.line} 行目: ここで適用できるのは Service (apiVersion v1) だけです。指定された種類: ${p.kind}`,
  'service.addressChanged': (p) =>
    `サービス ${p.service} の外部 IP が ${p.from} から ${p.to} に変わります。`,
  'service.addressLost': (p) =>
    `サービス ${p.service} は外部 IP ${p.address} を失い <pending> になります: 新しい範囲に空きアドレスがありません。`,
  'service.addressesKept': (p) => `${p.count} 個のサービスは外部 IP を維持します: ${p.services}。`,
  'vswitch.nameInvalid': (p) =>
    `"${p.value}" は有効な名前ではありません。${p.min} ～ ${p.max} 文字の英字、数字、ハイフン (-)、アンダースコア (_)、ピリオド (.) を使用してください。`,
  'vswitch.nameTaken': (p) => `${p.name} という名前の仮想スイッチは既にあります。`,
  'vswitch.interfaceUnknown': (p) =>
    `このデバイスには ${p.port} という名前のネットワーク インターフェイスはありません。`,
  'vswitch.portTaken': (p) =>
    `${p.port} には既に仮想スイッチ ${p.other} があります。1 つのポートに作成できる仮想スイッチは 1 つだけです。`,
  'vswitch.computeTaken': (p) =>
    `コンピューティングに対して有効にできる仮想スイッチは 1 つだけです。${p.other} が既に有効です。`,
  'vswitch.mtuOutOfRange': (p) =>
    `MTU は ${p.min} ～ ${p.max} の整数にしてください (${p.value} は不可)。`,
  'vswitch.mtuNotConfigurable': (p) =>
    `このデバイスでは ${p.port} の仮想スイッチの MTU は変更できません (${p.mtu} のままです)。`,
  'vswitch.computeLocked': (p) =>
    `${p.name} はコンピューティングに対して有効です (${p.state})。別のポートに移動する前にコンピューティングを無効にしてください。`,
  'vnet.nameInvalid': (p) =>
    `"${p.value}" は有効な名前ではありません。${p.min} ～ ${p.max} 文字の英字、数字、ハイフン (-)、アンダースコア (_)、ピリオド (.) を使用してください。`,
  'vnet.nameTaken': (p) =>
    `${p.switchName} には ${p.name} という名前の仮想ネットワークが既にあります。`,
  'vnet.vlanInvalid': (p) =>
    `VLAN ID は ${p.min} ～ ${p.max} の整数にしてください (${p.value} は不可)。`,
  'vnet.notIPv4': (p) => `"${p.value}" は IPv4 ではありません。仮想ネットワークは IPv4 のみです。`,
  'vnet.addressSpaceTooSmall': (p) =>
    `${p.value} ではゲートウェイとホストのアドレスが足りません。/30 以上のネットワークを使用してください。`,
  'vnet.gatewayOutsideSubnet': (p) =>
    `ゲートウェイ ${p.gateway} はネットワーク ${p.subnet} の外にあります。`,
  'vnet.gatewayNotHost': (p) =>
    `ゲートウェイ ${p.gateway} は ${p.subnet} のネットワーク アドレスまたはブロードキャスト アドレスです。ホスト アドレスを選択してください。`,
  'vnet.switchUnknown': (p) => `${p.name} という名前の仮想スイッチはありません。`,
  'vnet.unknown': (p) =>
    `${p.switchName} には ${p.name} という名前の仮想ネットワークはありません。`,
  'vnet.subnetsOverlap': (p) =>
    `ネットワーク ${p.subnet} は仮想ネットワーク ${p.other} (${p.otherSubnet}) と重複しています。`,
  'vnet.overlapsPort': (p) =>
    `ネットワーク ${p.subnet} は ${p.port} のサブネット ${p.portSubnet} と重複しています。`,
  'vnet.overlapsPodCidr': (p) =>
    `ネットワーク ${p.subnet} はポッド CIDR ${p.cidr} と重複しています。`,
  'vnet.overlapsServiceCidr': (p) =>
    `ネットワーク ${p.subnet} はサービス CIDR ${p.cidr} と重複しています。`,
  'compute.serviceIpsRecommended': () =>
    'Kubernetes 外部サービス IP の指定を強くお勧めします。指定しないと、クラスターの外にサービスを公開できません。',
  'compute.switchUnknown': (p) => `${p.name} という名前の仮想スイッチはありません。`,
};
