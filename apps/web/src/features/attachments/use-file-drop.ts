import { type DragEvent, useRef, useState } from 'react';
import { attachFilesLater } from '../../attachments/attach-files-later.ts';

const carriesFiles = (event: DragEvent) => event.dataTransfer.types.includes('Files');

/**
 * Drag and drop of files onto an area (the open chat): `active` while files are dragged over it, so a drop
 * target can show; dropped files go to the chat's composer. Text dragged around is left to the browser.
 */
export function useFileDrop(chatId: string | null) {
  const [active, setActive] = useState(false);
  // dragenter/dragleave fire for every child crossed: count them, so the target does not flicker.
  const depth = useRef(0);
  const handlers = {
    onDragEnter: (event: DragEvent) => {
      if (!carriesFiles(event)) return;
      event.preventDefault();
      depth.current += 1;
      setActive(true);
    },
    onDragOver: (event: DragEvent) => {
      if (!carriesFiles(event)) return;
      event.preventDefault();
      event.dataTransfer.dropEffect = 'copy';
    },
    onDragLeave: (event: DragEvent) => {
      if (!carriesFiles(event)) return;
      depth.current = Math.max(0, depth.current - 1);
      if (depth.current === 0) setActive(false);
    },
    onDrop: (event: DragEvent) => {
      if (!carriesFiles(event)) return;
      event.preventDefault();
      depth.current = 0;
      setActive(false);
      const files = [...event.dataTransfer.files];
      if (files.length > 0) attachFilesLater(chatId, files);
    },
  };
  return { active, handlers };
}
