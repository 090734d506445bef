import type { Strings } from '../../i18n/use-strings.ts';

/** The words of what the first page shows of attachments (the rest load with their views). */
export const attachButtonStrings: Strings<{ attachFiles: string; takePhoto: string; dropFiles: string }> = {
  en: {
    attachFiles: 'Attach files',
    takePhoto: 'Take a photo',
    dropFiles: 'Drop files to attach them to your message',
  },
  'zh-CN': {
    attachFiles: '添加文件',
    takePhoto: '拍照',
    dropFiles: '将文件拖放到此处，附加到你的消息',
  },
};
