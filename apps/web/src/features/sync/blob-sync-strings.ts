import type { Strings } from '../../i18n/use-strings.ts';
import type { BlobTransferErrorCode } from '../../sync/blobs/blob-transfer-error.ts';

const mb = (bytes: number) => (bytes / (1024 * 1024)).toFixed(1);

/**
 * Words for attachments and sync: why files written here are not on the server (shown in the sync status
 * area), and why a file from another device cannot be shown here (for whoever shows attachments).
 */
export const blobSyncStrings: Strings<{
  attachments: string;
  quotaExceeded: (usedBytes: number, limitBytes: number) => string;
  tooLarge: string;
  noBlobStore: string;
  download: Record<BlobTransferErrorCode | 'default', string>;
}> = {
  en: {
    attachments: 'Attachments',
    quotaExceeded: (used, limit) =>
      `Some attached files are not synced: your storage on the sync server is full (${mb(used)} MB of ${mb(limit)} MB used). ` +
      'Chats still sync; other devices show those files as not available. Delete chats with large files, or ask the server’s operator for more space.',
    tooLarge:
      'An attached file is larger than the sync server accepts, so it stays on this device only; other devices show it as not available.',
    noBlobStore:
      'This sync server does not store files: attachments stay on this device, and other devices show them as not available.',
    download: {
      not_found: 'File not available: the device it was attached on has not uploaded it to the sync server.',
      network: 'File not downloaded: the sync server cannot be reached. It will be fetched when you are back online.',
      hash_mismatch: 'The file that arrived was damaged, so it was not kept. Try again.',
      unauthorized: 'File not downloaded: this device is signed out of sync. Sign in again.',
      busy: 'File not downloaded: the sync server is busy. Try again shortly.',
      server_error: 'File not downloaded: the sync server ran into a problem. Try again later.',
      no_blob_store: 'File not available: this sync server does not store files.',
      bad_request: 'File not downloaded: the sync server refused the request.',
      too_large: 'File not available: it is larger than the sync server accepts.',
      quota_exceeded: 'File not available: the sync storage of this account is full.',
      default: 'File not downloaded. Try again.',
    },
  },
  'zh-CN': {
    attachments: '附件',
    quotaExceeded: (used, limit) =>
      `部分附件未同步：你在同步服务器上的存储空间已满（已用 ${mb(used)} MB，共 ${mb(limit)} MB）。` +
      '聊天仍会同步；其他设备上这些文件显示为不可用。请删除含大文件的聊天，或请服务器管理员增加空间。',
    tooLarge: '有附件超过同步服务器允许的大小，只保存在本设备上；其他设备上显示为不可用。',
    noBlobStore: '此同步服务器不存储文件：附件只保存在本设备上，其他设备上显示为不可用。',
    download: {
      not_found: '文件不可用：添加它的设备尚未将其上传到同步服务器。',
      network: '文件未下载：无法连接同步服务器。恢复联网后会自动获取。',
      hash_mismatch: '收到的文件已损坏，未保存。请重试。',
      unauthorized: '文件未下载：本设备已退出同步。请重新登录。',
      busy: '文件未下载：同步服务器繁忙。请稍后重试。',
      server_error: '文件未下载：同步服务器出现问题。请稍后重试。',
      no_blob_store: '文件不可用：此同步服务器不存储文件。',
      bad_request: '文件未下载：同步服务器拒绝了请求。',
      too_large: '文件不可用：它超过了同步服务器允许的大小。',
      quota_exceeded: '文件不可用：此账户的同步存储空间已满。',
      default: '文件未下载。请重试。',
    },
  },
};
