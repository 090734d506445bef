import type { CompletionErrorCode, RelayErrorCode } from '@hearth/schema';
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
  /** Headings of stored errors by code; the provider's 4xx/5xx and the relay's own errors have their own below. */
  errorCodes: Record<CompletionErrorCode, string>;
  providerRefused: (status: number) => string;
  providerFailed: (status: number) => string;
  /** What the relay's problem is (heading) and what the person can do about it, per relay error code. */
  relayErrors: Record<RelayErrorCode, { title: string; advice: string }>;
  retryIn: (seconds: number) => string;
  openMenu: string;
  queued: string;
  cancelQueued: string;
  notSaved: string;
  /** The version switcher of a message with siblings ("‹ 2 / 3 ›"). */
  previousVersion: string;
  nextVersion: string;
  versionOf: (index: number, count: number) => string;
  versionCount: (index: number, count: number) => string;
  forkHere: string;
  deleteBelowTitle: string;
  deleteBelowBody: (below: number) => string;
  /** A question that alone is more than the model's context window. */
  tooLongTitle: string;
  tooLongDetail: (neededTokens: number, contextWindow: number) => string;
  tooLong: string;
  /** The divider above the oldest message the model is sent. */
  contextStart: string;
  temperature: string;
  maxTokens: string;
  thinkingBudget: string;
  /** Placeholder of a chat option left to the model's own setting. */
  modelsOwn: string;
  useAsDefault: string;
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
    providerRefused: (status) => `The provider refused the request (HTTP ${status})`,
    providerFailed: (status) => `The provider failed (HTTP ${status})`,
    relayErrors: {
      invalid_relay_token: {
        title: 'The relay refused the request: its token is missing or wrong',
        advice: 'Set the relay token in Settings, under Relay. The relay’s operator can tell you what it is.',
      },
      forbidden_address: {
        title: 'The relay refused this address',
        advice:
          'It does not connect to private, loopback or internal addresses. Use the provider’s public URL, or ask the relay’s operator to allow this exact address.',
      },
      host_not_allowed: {
        title: 'The relay refused this address',
        advice:
          'It only reaches the hosts its operator listed. Ask the operator to add this one, or connect to the provider directly.',
      },
      rate_limited: {
        title: 'The relay is limiting requests',
        advice: 'Too many requests were sent through it in a short time.',
      },
      upstream_unreachable: {
        title: 'The relay could not reach the provider',
        advice: 'Check the model’s base URL; the provider may also be down.',
      },
      upstream_timeout: {
        title: 'The relay timed out waiting for the provider',
        advice:
          'The provider took too long to answer. Retry; if it keeps happening, the relay’s operator can allow more time.',
      },
      upstream_closed: {
        title: 'The provider closed the connection to the relay',
        advice: 'The answer stopped before it was complete. Retry.',
      },
      upstream_redirect: {
        title: 'The provider answered the relay with a redirect',
        advice: 'The relay does not follow redirects. Use the final address as the model’s base URL.',
      },
      response_too_large: {
        title: 'The answer is larger than the relay allows',
        advice: 'Ask for a shorter answer, or ask the relay’s operator to raise its limit.',
      },
      request_too_large: {
        title: 'The request is larger than the relay allows',
        advice:
          'Send less at once (a shorter history or smaller attachments), or ask the relay’s operator to raise its limit.',
      },
      missing_upstream: {
        title: 'The relay could not use this request',
        advice: 'It did not say which provider to reach. Check the model’s base URL.',
      },
      invalid_upstream: {
        title: 'The relay could not use this request',
        advice:
          'The model’s base URL is not one it can use: a full http:// or https:// URL, without a password, query or fragment.',
      },
      unsupported_scheme: {
        title: 'The relay could not use this request',
        advice: 'The model’s base URL must start with http:// or https://.',
      },
      invalid_header: {
        title: 'The relay could not use this request',
        advice: 'A header has characters it cannot send. Check the model’s API key and extra headers.',
      },
      invalid_path: {
        title: 'The relay could not use this request',
        advice: 'The request’s path cannot be sent on. Check the model’s base URL.',
      },
      internal_error: {
        title: 'The relay failed',
        advice: 'Retry; if it keeps happening, tell the relay’s operator.',
      },
    },
    retryIn: (seconds) => `Retry in ${seconds} s.`,
    openMenu: 'Show chats',
    queued: 'Queued: sends when you are back online',
    cancelQueued: 'Cancel sending',
    notSaved: 'The browser’s storage is full, so this answer could not be saved. Copy it, or free some space.',
    previousVersion: 'Previous version',
    nextVersion: 'Next version',
    versionOf: (index, count) => `Version ${index} of ${count}`,
    versionCount: (index, count) => `${index} / ${count}`,
    forkHere: 'New chat from here',
    deleteBelowTitle: 'Delete this message?',
    deleteBelowBody: (below) =>
      below === 1
        ? 'The message below it is deleted too, in every version.'
        : `The ${below} messages below it are deleted too, in every version.`,
    tooLongTitle: 'Too long for this model',
    tooLongDetail: (needed, window) =>
      `The question needs about ${needed.toLocaleString('en')} tokens with the system prompt and room for the answer, but the model reads ${window.toLocaleString('en')}. Shorten it, or choose a model with a larger context window (Settings → Models).`,
    tooLong:
      'This message is too long for the model’s context window. Shorten it, or choose a model with a larger one. Your text is still here.',
    contextStart: 'Earlier messages are not sent to the model',
    temperature: 'Temperature',
    maxTokens: 'Max tokens',
    thinkingBudget: 'Thinking budget (tokens)',
    modelsOwn: 'The model’s setting',
    useAsDefault: 'Use as default',
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
    providerRefused: (status) => `服务商拒绝了请求（HTTP ${status}）`,
    providerFailed: (status) => `服务商出错（HTTP ${status}）`,
    relayErrors: {
      invalid_relay_token: {
        title: '中继拒绝了请求：中继令牌缺失或错误',
        advice: '请在“设置”的“中继”部分填写中继令牌。中继的运营者可以告诉你令牌是什么。',
      },
      forbidden_address: {
        title: '中继拒绝连接此地址',
        advice: '中继不连接私有、回环或内部地址。请使用服务商的公网地址，或请中继的运营者放行这个地址。',
      },
      host_not_allowed: {
        title: '中继拒绝连接此地址',
        advice: '中继只连接运营者列出的主机。请运营者添加此主机，或直接连接服务商。',
      },
      rate_limited: {
        title: '中继正在限制请求频率',
        advice: '短时间内经由它发送的请求过多。',
      },
      upstream_unreachable: {
        title: '中继无法连接到服务商',
        advice: '请检查模型的接口地址；服务商也可能暂时不可用。',
      },
      upstream_timeout: {
        title: '中继等待服务商超时',
        advice: '服务商太久没有回应。请重试；如果反复出现，中继的运营者可以延长等待时间。',
      },
      upstream_closed: {
        title: '服务商关闭了与中继的连接',
        advice: '回答在完成前中断了。请重试。',
      },
      upstream_redirect: {
        title: '服务商向中继返回了重定向',
        advice: '中继不跟随重定向。请把最终地址填为模型的接口地址。',
      },
      response_too_large: {
        title: '回答超过了中继允许的大小',
        advice: '请要求更短的回答，或请中继的运营者提高上限。',
      },
      request_too_large: {
        title: '请求超过了中继允许的大小',
        advice: '请一次发送更少的内容（更短的历史或更小的附件），或请中继的运营者提高上限。',
      },
      missing_upstream: {
        title: '中继无法处理此请求',
        advice: '请求没有指明要连接的服务商。请检查模型的接口地址。',
      },
      invalid_upstream: {
        title: '中继无法处理此请求',
        advice: '模型的接口地址不可用：需要以 http:// 或 https:// 开头的完整地址，且不含密码、查询参数或片段。',
      },
      unsupported_scheme: {
        title: '中继无法处理此请求',
        advice: '模型的接口地址必须以 http:// 或 https:// 开头。',
      },
      invalid_header: {
        title: '中继无法处理此请求',
        advice: '某个请求头含有无法发送的字符。请检查模型的 API 密钥和额外请求头。',
      },
      invalid_path: {
        title: '中继无法处理此请求',
        advice: '请求路径无法转发。请检查模型的接口地址。',
      },
      internal_error: {
        title: '中继出错',
        advice: '请重试；如果反复出现，请告知中继的运营者。',
      },
    },
    retryIn: (seconds) => `请在 ${seconds} 秒后重试。`,
    openMenu: '显示对话列表',
    queued: '排队中：恢复联网后发送',
    cancelQueued: '取消发送',
    notSaved: '浏览器存储空间已满，此回答未能保存。请复制它，或释放一些空间。',
    previousVersion: '上一个版本',
    nextVersion: '下一个版本',
    versionOf: (index, count) => `第 ${index} 个版本，共 ${count} 个`,
    versionCount: (index, count) => `${index} / ${count}`,
    forkHere: '从这里开始新对话',
    deleteBelowTitle: '删除这条消息？',
    deleteBelowBody: (below) => `它下面的 ${below} 条消息（所有版本）也会一并删除。`,
    tooLongTitle: '内容超出此模型的上下文长度',
    tooLongDetail: (needed, window) =>
      `这个问题加上系统提示词和回答所需的空间约为 ${needed} 个令牌，而此模型最多读取 ${window} 个。请缩短内容，或选择上下文窗口更大的模型（设置 → 模型）。`,
    tooLong: '这条消息超出了模型的上下文窗口。请缩短内容，或选择上下文窗口更大的模型。你输入的文字仍在此处。',
    contextStart: '更早的消息不会发送给模型',
    temperature: '温度',
    maxTokens: '最大令牌数',
    thinkingBudget: '思考预算（令牌）',
    modelsOwn: '使用模型的设置',
    useAsDefault: '设为新对话的默认模型',
  },
};
