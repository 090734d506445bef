import type { Strings } from '../../i18n/use-strings.ts';

export const settingsStrings: Strings<{
  settings: string;
  close: string;
  models: string;
  addModel: string;
  noModels: string;
  edit: string;
  delete: string;
  makeDefault: string;
  isDefault: string;
  provider: string;
  name: string;
  baseUrl: string;
  modelId: string;
  apiKey: string;
  apiKeyHint: string;
  showKey: string;
  headers: string;
  headersHint: string;
  temperature: string;
  maxTokens: string;
  thinkingBudget: string;
  thinkingBudgetHint: string;
  contextWindow: string;
  generateTitles: string;
  generateTitlesHint: string;
  contextWindowHint: (assumed: number) => string;
  deploymentHint: string;
  optional: string;
  save: string;
  cancel: string;
  testConnection: string;
  testing: string;
  connectionWorks: (reply: string) => string;
  fetchModels: string;
  fetching: string;
  foundModels: (count: number) => string;
  newModel: string;
  editModel: (name: string) => string;
  appearance: string;
  theme: string;
  themeSystem: string;
  themeLight: string;
  themeDark: string;
  language: string;
  languageSystem: string;
  deleteModelTitle: string;
  deleteModelBody: (name: string) => string;
  fixErrors: string;
  connection: string;
  connectionAuto: string;
  connectionDirect: string;
  connectionRelay: string;
  connectionHint: string;
  relaySection: string;
  relayUrl: string;
  relayUrlHint: (origin: string) => string;
  relayToken: string;
  relayTokenHint: string;
  saveRelay: string;
  relaySaved: string;
  relayUrlInvalid: string;
  storage: string;
  storageUsage: (used: string, quota: string) => string;
  storagePersistent: string;
  storageNotPersistent: string;
  keepData: string;
  version: (version: string) => string;
}> = {
  en: {
    settings: 'Settings',
    close: 'Close settings',
    models: 'Models',
    addModel: 'Add model',
    noModels: 'No models yet. Add one to start chatting.',
    edit: 'Edit',
    delete: 'Delete',
    makeDefault: 'Make default',
    isDefault: 'Default',
    provider: 'Provider',
    name: 'Name',
    baseUrl: 'Base URL',
    modelId: 'Model ID',
    apiKey: 'API key',
    apiKeyHint: 'Stored only on this device.',
    showKey: 'Show API key',
    headers: 'Extra headers',
    headersHint: 'One per line, as Name: value',
    temperature: 'Temperature',
    maxTokens: 'Max tokens',
    generateTitles: 'Generate chat titles',
    generateTitlesHint:
      'After the first answer, the chat’s model is asked for a short title (one more small request). A title you set is never replaced.',
    contextWindow: 'Context window (tokens)',
    contextWindowHint: (assumed) =>
      `How much the model reads at once; only the newest messages that fit are sent. Filled in from the provider’s model list when it says; left empty, ${assumed.toLocaleString('en')} is assumed.`,
    thinkingBudget: 'Thinking budget (tokens)',
    thinkingBudgetHint:
      'Lets the model think before it answers, up to this many tokens, and shows its thinking. Anthropic needs at least 1024. Empty: no thinking asked for.',
    deploymentHint: 'For Azure OpenAI, the name of your deployment.',
    optional: 'optional',
    save: 'Save model',
    cancel: 'Cancel',
    testConnection: 'Test connection',
    testing: 'Testing…',
    connectionWorks: (reply) => (reply ? `Connection works. The model replied: ${reply}` : 'Connection works.'),
    fetchModels: 'Fetch model list',
    fetching: 'Fetching…',
    foundModels: (count) => `Found ${count} models; pick one in Model ID.`,
    newModel: 'New model',
    editModel: (name) => `Edit ${name}`,
    appearance: 'Appearance',
    theme: 'Theme',
    themeSystem: 'Follow system',
    themeLight: 'Light',
    themeDark: 'Dark',
    language: 'Language',
    languageSystem: 'Follow browser',
    deleteModelTitle: 'Delete model?',
    deleteModelBody: (name) => `“${name}” and its API key will be removed from this device.`,
    fixErrors: 'Fix the highlighted fields.',
    connection: 'Connection',
    connectionAuto: 'Automatic: direct, or the relay if the provider refuses the browser',
    connectionDirect: 'Direct from this browser only',
    connectionRelay: 'Always through the relay',
    connectionHint: 'Many providers refuse requests from a browser (CORS); the relay forwards them.',
    relaySection: 'Relay',
    relayUrl: 'Relay server URL',
    relayUrlHint: (origin) => `Leave empty to use the server this app came from (${origin}).`,
    relayToken: 'Relay token',
    relayTokenHint: 'Only needed when the relay’s operator set one. Stored only on this device.',
    saveRelay: 'Save relay settings',
    relaySaved: 'Relay settings saved.',
    relayUrlInvalid: 'Enter a full URL starting with http:// or https://, or leave it empty',
    storage: 'Storage',
    storageUsage: (used, quota) => `Using ${used} of ${quota} available to this site.`,
    storagePersistent: 'The browser will keep this data even when space runs low.',
    storageNotPersistent: 'The browser may clear this data when space runs low.',
    keepData: 'Ask the browser to keep my data',
    version: (version) => `Version ${version}`,
  },
  'zh-CN': {
    settings: '设置',
    close: '关闭设置',
    models: '模型',
    addModel: '添加模型',
    noModels: '还没有模型。添加一个即可开始对话。',
    edit: '编辑',
    delete: '删除',
    makeDefault: '设为默认',
    isDefault: '默认',
    provider: '服务商',
    name: '名称',
    baseUrl: '接口地址',
    modelId: '模型 ID',
    apiKey: 'API 密钥',
    apiKeyHint: '仅保存在此设备上。',
    showKey: '显示 API 密钥',
    headers: '额外请求头',
    headersHint: '每行一个，格式为 名称: 值',
    temperature: '温度',
    maxTokens: '最大令牌数',
    generateTitles: '自动生成对话标题',
    generateTitlesHint:
      '第一条回答之后，请对话所用的模型生成一个简短标题（多一次小请求）。你自己设置的标题不会被替换。',
    contextWindow: '上下文窗口（令牌）',
    contextWindowHint: (assumed) =>
      `模型一次能读取的长度；只发送放得下的最新消息。服务商的模型列表提供时会自动填写；留空则按 ${assumed} 计算。`,
    thinkingBudget: '思考预算（令牌）',
    thinkingBudgetHint:
      '让模型在回答前思考，最多用这么多令牌，并显示其思考过程。Anthropic 至少需要 1024。留空则不要求思考。',
    deploymentHint: 'Azure OpenAI 请填写你的部署名称。',
    optional: '可选',
    save: '保存模型',
    cancel: '取消',
    testConnection: '测试连接',
    testing: '测试中…',
    connectionWorks: (reply) => (reply ? `连接正常。模型回复：${reply}` : '连接正常。'),
    fetchModels: '获取模型列表',
    fetching: '获取中…',
    foundModels: (count) => `找到 ${count} 个模型；请在模型 ID 中选择。`,
    newModel: '新模型',
    editModel: (name) => `编辑 ${name}`,
    appearance: '外观',
    theme: '主题',
    themeSystem: '跟随系统',
    themeLight: '浅色',
    themeDark: '深色',
    language: '语言',
    languageSystem: '跟随浏览器',
    deleteModelTitle: '删除模型？',
    deleteModelBody: (name) => `“${name}”及其 API 密钥将从此设备移除。`,
    fixErrors: '请修正标出的字段。',
    connection: '连接方式',
    connectionAuto: '自动：直连，服务商拒绝浏览器请求时改用中继',
    connectionDirect: '仅从此浏览器直连',
    connectionRelay: '始终通过中继',
    connectionHint: '许多服务商拒绝来自浏览器的请求（CORS）；中继会代为转发。',
    relaySection: '中继',
    relayUrl: '中继服务器地址',
    relayUrlHint: (origin) => `留空则使用加载本应用的服务器（${origin}）。`,
    relayToken: '中继令牌',
    relayTokenHint: '仅当中继运营者设置了令牌时需要。只保存在此设备上。',
    saveRelay: '保存中继设置',
    relaySaved: '中继设置已保存。',
    relayUrlInvalid: '请输入以 http:// 或 https:// 开头的完整地址，或留空',
    storage: '存储',
    storageUsage: (used, quota) => `已使用 ${used}，此网站可用 ${quota}。`,
    storagePersistent: '即使空间不足，浏览器也会保留这些数据。',
    storageNotPersistent: '空间不足时，浏览器可能会清除这些数据。',
    keepData: '请求浏览器保留我的数据',
    version: (version) => `版本 ${version}`,
  },
};
