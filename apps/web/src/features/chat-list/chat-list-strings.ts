import type { Strings } from '../../i18n/use-strings.ts';

export const chatListStrings: Strings<{
  chats: string;
  newChat: string;
  search: string;
  rename: string;
  chatTitle: string;
  pin: string;
  unpin: string;
  delete: string;
  deleteTitle: string;
  deleteBody: (title: string) => string;
  cancel: string;
  settings: string;
  untitled: string;
  noChats: string;
  noMatches: string;
  close: string;
  inMessages: string;
  noMessageMatches: string;
  searchFailed: string;
  indexing: (count: number) => string;
}> = {
  en: {
    chats: 'Chats',
    newChat: 'New chat',
    search: 'Search chats and messages',
    rename: 'Rename',
    chatTitle: 'Chat title',
    pin: 'Pin',
    unpin: 'Unpin',
    delete: 'Delete',
    deleteTitle: 'Delete chat?',
    deleteBody: (title) => `“${title}” and all its messages will be deleted.`,
    cancel: 'Cancel',
    settings: 'Settings',
    untitled: 'New chat',
    noChats: 'No chats yet.',
    noMatches: 'No chats match.',
    close: 'Hide chats',
    inMessages: 'In messages',
    noMessageMatches: 'No messages match.',
    searchFailed: 'Searching the messages failed. Try again, or reload the page if it keeps failing.',
    indexing: (count) => `Still indexing ${count} ${count === 1 ? 'message' : 'messages'}: some may not show yet.`,
  },
  'zh-CN': {
    chats: '对话',
    newChat: '新对话',
    search: '搜索对话和消息',
    rename: '重命名',
    chatTitle: '对话标题',
    pin: '置顶',
    unpin: '取消置顶',
    delete: '删除',
    deleteTitle: '删除对话？',
    deleteBody: (title) => `“${title}”及其所有消息将被删除。`,
    cancel: '取消',
    settings: '设置',
    untitled: '新对话',
    noChats: '还没有对话。',
    noMatches: '没有匹配的对话。',
    close: '隐藏对话列表',
    inMessages: '消息中',
    noMessageMatches: '没有匹配的消息。',
    searchFailed: '搜索消息失败。请重试；如果一直失败，请重新加载页面。',
    indexing: (count) => `还有 ${count} 条消息正在建立索引，可能暂时搜不到。`,
  },
};
