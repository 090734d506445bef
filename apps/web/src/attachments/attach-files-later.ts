import { appStorage } from '../app/app-storage.ts';

/**
 * Attaches files to a chat's composer, loading the code that checks and stores them only now: the first
 * page load carries just the buttons (the app's first-load size budget).
 */
export function attachFilesLater(chatId: string | null, files: readonly File[]): void {
  void import('./attach-files.ts').then(({ attachFiles }) => attachFiles(appStorage().db, chatId, files));
}
