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
  },
};
