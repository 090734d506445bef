import type { Strings } from '../i18n/use-strings.ts';

export const pwaStrings: Strings<{
  offline: string;
  backOnline: string;
  updateAvailable: string;
  update: string;
  updateAfterAnswer: string;
  updateActive: string;
  reload: string;
}> = {
  en: {
    offline: 'You’re offline. Your chats are all here; messages you send will wait and go out when you’re back.',
    backOnline: 'Back online.',
    updateAvailable: 'Update available.',
    update: 'Update',
    updateAfterAnswer: 'You can update once the answer finishes.',
    updateActive: 'A new version is ready in another tab. Reload to use it.',
    reload: 'Reload',
  },
  'zh-CN': {
    offline: '你已离线。所有对话都还在；发送的消息会在恢复联网后自动发出。',
    backOnline: '已恢复联网。',
    updateAvailable: '有可用更新。',
    update: '更新',
    updateAfterAnswer: '回答完成后即可更新。',
    updateActive: '新版本已在另一个标签页中启用。重新加载即可使用。',
    reload: '重新加载',
  },
};
