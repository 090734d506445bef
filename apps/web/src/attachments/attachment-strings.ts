import { attachmentMaxBytes, attachmentsPerMessageMax } from '@hearth/schema';
import type { Strings } from '../i18n/use-strings.ts';
import type { AttachProblem } from './attach-problem.ts';
import type { BlobUnavailableReason } from './blob-source.ts';

/** A size for people: bytes, KB or MB (binary multiples, as file managers show them). */
export function fileSizeText(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1).replace(/\.0$/, '')} MB`;
}

const maxSize = fileSizeText(attachmentMaxBytes);

// The size of a file over the limit, when it reads differently from the limit (20.01 MB reads "20 MB").
function sizeAside(size: number, locale: 'en' | 'zh-CN'): string {
  const text = fileSizeText(size);
  if (text === maxSize) return '';
  return locale === 'en' ? ` (it is ${text})` : `（该文件为 ${text}）`;
}

export const attachmentStrings: Strings<{
  pendingFiles: string;
  attachedFiles: string;
  remove: (name: string) => string;
  open: (name: string) => string;
  download: (name: string) => string;
  close: string;
  loading: string;
  unavailable: Record<BlobUnavailableReason, string>;
  problem: (problem: AttachProblem) => string;
  dismiss: string;
}> = {
  en: {
    pendingFiles: 'Files to send',
    attachedFiles: 'Attached files',
    remove: (name) => `Remove ${name}`,
    open: (name) => `Open ${name}`,
    download: (name) => `Download ${name}`,
    close: 'Close',
    loading: 'Loading…',
    unavailable: {
      not_on_device: 'This file is not on this device (it was attached on another one and no synced copy is here).',
      fetch_failed:
        'This file could not be fetched from the sync server. Check the connection; it is tried again when shown.',
    },
    problem: (problem) => {
      switch (problem.code) {
        case 'too_large':
          return `“${problem.name}” was not attached: it is larger than ${maxSize}${sizeAside(problem.size, 'en')}, the most one file can be.`;
        case 'too_many':
          return `“${problem.name}” was not attached: one message can carry at most ${attachmentsPerMessageMax} files.`;
        case 'unsupported':
          return `“${problem.name}” was not attached: models are sent images (PNG, JPEG, GIF, WebP), text and code files, and PDFs.`;
        case 'storage_full':
          return `“${problem.name}” was not attached: the browser’s storage is full. Free some space (Settings → Storage), then attach it again. Your message and the files already attached are kept.`;
        case 'storage_failed':
          return `“${problem.name}” could not be stored, so it was not attached. Try again.`;
      }
    },
    dismiss: 'Dismiss',
  },
  'zh-CN': {
    pendingFiles: '待发送的文件',
    attachedFiles: '附加的文件',
    remove: (name) => `移除 ${name}`,
    open: (name) => `打开 ${name}`,
    download: (name) => `下载 ${name}`,
    close: '关闭',
    loading: '正在加载…',
    unavailable: {
      not_on_device: '此文件不在这台设备上（它是在另一台设备上附加的，这里没有同步的副本）。',
      fetch_failed: '无法从同步服务器获取此文件。请检查网络连接；再次显示时会重试。',
    },
    problem: (problem) => {
      switch (problem.code) {
        case 'too_large':
          return `未附加“${problem.name}”：它超过了单个文件的上限 ${maxSize}${sizeAside(problem.size, 'zh-CN')}。`;
        case 'too_many':
          return `未附加“${problem.name}”：一条消息最多只能附带 ${attachmentsPerMessageMax} 个文件。`;
        case 'unsupported':
          return `未附加“${problem.name}”：可发送给模型的有图片（PNG、JPEG、GIF、WebP）、文本和代码文件以及 PDF。`;
        case 'storage_full':
          return `未附加“${problem.name}”：浏览器存储空间已满。请释放一些空间（设置 → 存储）后再附加。你的消息和已附加的文件都会保留。`;
        case 'storage_failed':
          return `“${problem.name}”无法保存，因此未附加。请重试。`;
      }
    },
    dismiss: '关闭提示',
  },
};
