/**
 * Wraps a listener so that any number of calls within one animation frame make one call, at that
 * frame. An answer streams hundreds of deltas a second; the screen shows sixty frames at most, and
 * rendering (and laying out) the answer for every delta in between is work nobody sees.
 */
export function oncePerFrame(listener: () => void): { call: () => void; cancel: () => void } {
  // Outside a browser (tests under Node) there are no frames: every call goes through.
  if (typeof requestAnimationFrame !== 'function') return { call: listener, cancel: () => undefined };
  let frame = 0;
  return {
    call: () => {
      if (frame !== 0) return;
      frame = requestAnimationFrame(() => {
        frame = 0;
        listener();
      });
    },
    cancel: () => {
      if (frame !== 0) cancelAnimationFrame(frame);
      frame = 0;
    },
  };
}
