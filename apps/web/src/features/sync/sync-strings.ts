import type { Strings } from '../../i18n/use-strings.ts';

export const syncStrings: Strings<{
  sync: string;
  off: string;
  synced: string;
  syncing: string;
  offline: string;
  retrying: (seconds: number) => string;
  stopped: string;
  serverUrl: string;
  serverUrlHint: (origin: string) => string;
  token: string;
  signInWithToken: string;
  pairingCode: string;
  deviceName: string;
  pair: string;
  signUp: string;
  working: string;
  signedIn: string;
  syncNow: string;
  addDevice: string;
  pairingInstructions: (code: string, minutes: number) => string;
  pairingLink: string;
  devices: string;
  thisDevice: string;
  lastSeen: (when: string) => string;
  revoke: string;
  signOut: string;
  signOutHint: string;
  problems: Record<string, string>;
  defaultDeviceName: string;
  heldRecords: (count: number) => string;
}> = {
  en: {
    sync: 'Sync',
    off: 'Sync is off',
    synced: 'Synced',
    syncing: 'Syncing…',
    offline: 'Offline: changes will sync when you are back',
    retrying: (seconds) => `Will try again in ${seconds} s`,
    stopped: 'Sync stopped',
    serverUrl: 'Sync server URL',
    serverUrlHint: (origin) => `Leave empty to use the server this app came from (${origin}).`,
    token: 'Device token',
    signInWithToken: 'Sign in with token',
    pairingCode: 'Pairing code',
    deviceName: 'Name of this device',
    pair: 'Pair this device',
    signUp: 'Create an account',
    working: 'Working…',
    signedIn: 'This device syncs with',
    syncNow: 'Sync now',
    addDevice: 'Add a device',
    pairingInstructions: (code, minutes) =>
      `On the new device, open Settings → Sync and enter the code ${code} (valid ${minutes} minutes, once), or open this link:`,
    pairingLink: 'Pairing link',
    devices: 'Devices',
    thisDevice: 'this device',
    lastSeen: (when) => `last seen ${when}`,
    revoke: 'Revoke',
    signOut: 'Sign out',
    signOutHint: 'Your chats stay on this device; they stop syncing.',
    problems: {
      unauthorized: 'The server did not accept this token (wrong, or the device was revoked). Sign in again.',
      not_found: 'That pairing code is unknown, used or expired. Create a new one on the other device.',
      signup_disabled: 'This server does not allow creating accounts here. Ask its operator for a token.',
      network: 'Could not reach the sync server. Check the address and your connection.',
      rate_limited: 'Too many attempts. Wait a minute and try again.',
      bad_request: 'The server refused the request as invalid.',
      busy: 'The server is busy. Try again shortly.',
      server_error: 'The sync server failed to answer. Try again later.',
      clock_ahead: 'This device’s clock is far ahead of the server’s. Fix the date and time, then sync again.',
      foreign_clock:
        'The server refused this device’s changes: their clock belongs to another device of this account (this browser’s data may be a copy). Sign this device out and pair it again.',
      unsupported_version:
        'This app and the sync server speak different versions of the sync protocol. Update the app or the server.',
      too_large: 'A change was larger than the sync server accepts.',
      default: 'Something went wrong talking to the sync server.',
    },
    defaultDeviceName: 'My browser',
    heldRecords: (count) =>
      `${count} ${count === 1 ? 'record' : 'records'} from a newer version of Hearth ${count === 1 ? 'is' : 'are'} kept on this device but not shown. Update Hearth (reload the page) to see ${count === 1 ? 'it' : 'them'}.`,
  },
  'zh-CN': {
    sync: '同步',
    off: '同步已关闭',
    synced: '已同步',
    syncing: '同步中…',
    offline: '离线：恢复联网后将同步更改',
    retrying: (seconds) => `${seconds} 秒后重试`,
    stopped: '同步已停止',
    serverUrl: '同步服务器地址',
    serverUrlHint: (origin) => `留空则使用加载本应用的服务器（${origin}）。`,
    token: '设备令牌',
    signInWithToken: '使用令牌登录',
    pairingCode: '配对码',
    deviceName: '此设备的名称',
    pair: '配对此设备',
    signUp: '创建账户',
    working: '处理中…',
    signedIn: '此设备同步到',
    syncNow: '立即同步',
    addDevice: '添加设备',
    pairingInstructions: (code, minutes) =>
      `在新设备上打开 设置 → 同步 并输入配对码 ${code}（${minutes} 分钟内有效，仅限一次），或打开此链接：`,
    pairingLink: '配对链接',
    devices: '设备',
    thisDevice: '此设备',
    lastSeen: (when) => `最后活动于 ${when}`,
    revoke: '撤销',
    signOut: '退出登录',
    signOutHint: '你的对话仍保留在此设备上，只是不再同步。',
    problems: {
      unauthorized: '服务器不接受此令牌（令牌错误或设备已被撤销）。请重新登录。',
      not_found: '配对码无效、已使用或已过期。请在另一台设备上创建新的配对码。',
      signup_disabled: '此服务器不允许在此创建账户。请向运营者索取令牌。',
      network: '无法连接同步服务器。请检查地址和网络连接。',
      rate_limited: '尝试次数过多。请稍等一分钟再试。',
      bad_request: '服务器认为请求无效并拒绝了它。',
      busy: '服务器繁忙。请稍后再试。',
      server_error: '同步服务器未能响应。请稍后再试。',
      clock_ahead: '此设备的时钟远快于服务器。请校正日期和时间后再同步。',
      foreign_clock:
        '服务器拒绝了此设备的更改：其时钟属于此账户的另一台设备（此浏览器的数据可能是副本）。请让此设备退出同步后重新配对。',
      unsupported_version: '此应用与同步服务器使用的同步协议版本不同。请更新应用或服务器。',
      too_large: '有一项更改超过了同步服务器接受的大小。',
      default: '与同步服务器通信时出错。',
    },
    defaultDeviceName: '我的浏览器',
    heldRecords: (count) =>
      `有 ${count} 条来自更新版本 Hearth 的记录保存在此设备上，但暂时无法显示。请更新 Hearth（重新加载页面）后查看。`,
  },
};
