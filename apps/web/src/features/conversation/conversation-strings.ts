import type { Strings } from '../../i18n/use-strings.ts';

export const conversationStrings: Strings<{
  message: string;
  messagePlaceholder: string;
  send: string;
  stop: string;
  regenerate: string;
  retry: string;
  copy: string;
  copied: string;
  edit: string;
  delete: string;
  saveAndSend: string;
  cancel: string;
  you: string;
  assistant: string;
  reasoning: string;
  thinking: string;
  waiting: string;
  stopped: string;
  failed: string;
  tokens: (input: number, output: number) => string;
  via: (path: string) => string;
  emptyTitle: string;
  emptyHint: string;
  noModel: string;
  openSettings: string;
  storageFull: string;
  storageFailed: string;
  untitled: string;
  chatOptions: string;
  model: string;
  defaultModel: string;
  systemPrompt: string;
  save: string;
  messages: string;
  errorCodes: Record<string, string>;
  openMenu: string;
  showEarlier: string;
  queued: string;
  cancelQueued: string;
  notSaved: string;
}> = {
  en: {
    message: 'Message',
    messagePlaceholder: 'Ask anything. Enter sends, Shift+Enter adds a line.',
    send: 'Send',
    stop: 'Stop',
    regenerate: 'Regenerate',
    retry: 'Retry',
    copy: 'Copy',
    copied: 'Copied',
    edit: 'Edit',
    delete: 'Delete',
    saveAndSend: 'Save and send',
    cancel: 'Cancel',
    you: 'You',
    assistant: 'Assistant',
    reasoning: 'Reasoning',
    thinking: 'Thinking…',
    waiting: 'Waiting for the answer…',
    stopped: 'Stopped',
    failed: 'Failed',
    tokens: (input, output) => `${input} tokens in, ${output} out`,
    via: (path) => (path === 'relay' ? 'via relay' : 'direct'),
    emptyTitle: 'Start a conversation',
    emptyHint: 'Your chats are stored only in this browser.',
    noModel: 'No model is set up yet. Add one in Settings to start chatting.',
    openSettings: 'Open settings',
    storageFull: 'The browser’s storage is full, so the message was not saved. Your text is still here.',
    storageFailed: 'The message could not be saved. Your text is still here.',
    untitled: 'New chat',
    chatOptions: 'Chat options',
    model: 'Model',
    defaultModel: 'Default model',
    systemPrompt: 'System prompt',
    save: 'Save',
    messages: 'Messages',
    errorCodes: {
      upstream_http: 'The provider refused the request',
      network: 'Could not reach the provider',
      interrupted: 'The answer was cut off',
      bad_response: 'The provider’s answer could not be read',
      stream_error: 'The provider reported an error',
      timeout: 'The provider stopped responding',
      abandoned: 'The page closed before the answer finished',
      not_saved: 'Not saved',
    },
    openMenu: 'Show chats',
    showEarlier: 'Show earlier messages',
    queued: 'Queued: sends when you are back online',
    cancelQueued: 'Cancel sending',
    notSaved: 'The browser’s storage is full, so this answer could not be saved. Copy it, or free some space.',
  },
  'zh-CN': {
    message: '消息',
    messagePlaceholder: '输入任何问题。回车发送，Shift+回车换行。',
    send: '发送',
    stop: '停止',
    regenerate: '重新生成',
    retry: '重试',
    copy: '复制',
    copied: '已复制',
    edit: '编辑',
    delete: '删除',
    saveAndSend: '保存并发送',
    cancel: '取消',
    you: '你',
    assistant: '助手',
    reasoning: '推理过程',
    thinking: '思考中…',
    waiting: '等待回答…',
    stopped: '已停止',
    failed: '失败',
    tokens: (input, output) => `输入 ${input} 个令牌，输出 ${output} 个`,
    via: (path) => (path === 'relay' ? '经由中继' : '直连'),
    emptyTitle: '开始对话',
    emptyHint: '你的对话只保存在此浏览器中。',
    noModel: '尚未设置模型。请先在设置中添加一个模型。',
    openSettings: '打开设置',
    storageFull: '浏览器存储空间已满，消息未保存。你输入的文字仍在此处。',
    storageFailed: '消息无法保存。你输入的文字仍在此处。',
    untitled: '新对话',
    chatOptions: '对话选项',
    model: '模型',
    defaultModel: '默认模型',
    systemPrompt: '系统提示词',
    save: '保存',
    messages: '消息列表',
    errorCodes: {
      upstream_http: '服务商拒绝了请求',
      network: '无法连接到服务商',
      interrupted: '回答被中断',
      bad_response: '无法读取服务商的回答',
      stream_error: '服务商报告了错误',
      timeout: '服务商停止了响应',
      abandoned: '页面在回答完成前关闭',
      not_saved: '未保存',
    },
    openMenu: '显示对话列表',
    showEarlier: '显示更早的消息',
    queued: '排队中：恢复联网后发送',
    cancelQueued: '取消发送',
    notSaved: '浏览器存储空间已满，此回答未能保存。请复制它，或释放一些空间。',
  },
};
