// Whether the window is phone-sized. The shell changes its frame (header, drawer, tab bar) around the
// same page element, so crossing the width never remounts the page or loses what was typed.
import { useSyncExternalStore } from 'react';

const PHONE_QUERY = '(max-width: 767px)';

export function usePhone(): boolean {
  return useSyncExternalStore(
    (notify) => {
      const query = window.matchMedia(PHONE_QUERY);
      query.addEventListener('change', notify);
      return () => query.removeEventListener('change', notify);
    },
    () => window.matchMedia(PHONE_QUERY).matches,
  );
}
