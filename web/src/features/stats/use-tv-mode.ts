import { useCallback, useEffect, useState, type RefObject } from 'react';

/**
 * The operations room's TV: the dashboard alone on the whole screen (the Fullscreen API on its own box, so
 * the menu and header are not shown), until Esc or the exit button. Where the browser refuses full screen
 * (a kiosk policy, an iframe) the box still covers the window.
 */
export function useTvMode(box: RefObject<HTMLElement | null>) {
  const [tv, setTv] = useState(false);

  useEffect(() => {
    if (!tv) return;
    const onFullscreen = () => {
      if (!document.fullscreenElement) setTv(false);
    };
    // Esc leaves a real full screen by itself; the fallback cover needs the key handled.
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape' && !document.fullscreenElement) setTv(false);
    };
    document.addEventListener('fullscreenchange', onFullscreen);
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('fullscreenchange', onFullscreen);
      document.removeEventListener('keydown', onKey);
    };
  }, [tv]);

  const enter = useCallback(() => {
    setTv(true);
    // Asked within the click: browsers grant full screen only to a user's gesture.
    box.current?.requestFullscreen?.().catch(() => undefined);
  }, [box]);

  const exit = useCallback(() => {
    setTv(false);
    if (document.fullscreenElement) void document.exitFullscreen().catch(() => undefined);
  }, []);

  return { tv, enter, exit };
}
