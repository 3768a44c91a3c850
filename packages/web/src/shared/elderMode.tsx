// 适老化: larger text, higher contrast and a simpler layout on the public and applicant pages, switched from their
// header and remembered on this device. The themes are antd tokens, applied by PublicLayout to the pages under it.
import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import type { ThemeConfig } from 'antd';

const STORAGE_KEY = 'onewindow.elder';

interface ElderMode {
  elder: boolean;
  setElder: (on: boolean) => void;
}

const ElderModeContext = createContext<ElderMode | null>(null);

function initial(): boolean {
  try {
    return localStorage.getItem(STORAGE_KEY) === '1';
  } catch {
    return false;
  }
}

export function ElderModeProvider({ children }: { children: ReactNode }) {
  const [elder, setState] = useState(initial);
  const setElder = useCallback((on: boolean) => {
    setState(on);
    try {
      localStorage.setItem(STORAGE_KEY, on ? '1' : '0');
    } catch {
      // Private browsing may refuse storage; the choice then lasts for this page only.
    }
  }, []);
  const value = useMemo(() => ({ elder, setElder }), [elder, setElder]);
  return <ElderModeContext.Provider value={value}>{children}</ElderModeContext.Provider>;
}

export function useElderMode(): ElderMode {
  const context = useContext(ElderModeContext);
  if (!context) throw new Error('useElderMode must be used inside <ElderModeProvider>');
  return context;
}

/**
 * The public pages' colours meet WCAG 2.1 AA (4.5:1 for text): antd's default grey labels, its light status colours
 * and its red error text do not on white, so they are darkened here.
 */
const ACCESSIBLE_COLOURS = {
  colorTextTertiary: 'rgba(0, 0, 0, 0.62)',
  colorTextPlaceholder: 'rgba(0, 0, 0, 0.5)',
  colorSuccess: '#237804',
  colorSuccessBg: '#f6ffed',
  colorSuccessBorder: '#b7eb8f',
  colorWarning: '#ad4e00',
  colorWarningBg: '#fff7e6',
  colorWarningBorder: '#ffd591',
  colorError: '#cf1322',
  colorErrorBg: '#fff1f0',
  colorErrorBorder: '#ffa39e',
  colorInfo: '#0958d9',
  colorInfoBg: '#e6f4ff',
  colorInfoBorder: '#91caff',
};

export const PUBLIC_THEME: ThemeConfig = { token: ACCESSIBLE_COLOURS };

/** Larger type and controls, near-black text and a darker blue: about 7:1 contrast for body text and links. */
export const ELDER_THEME: ThemeConfig = {
  token: {
    ...ACCESSIBLE_COLOURS,
    colorPrimary: '#0b3d91',
    colorText: '#000000',
    colorTextSecondary: 'rgba(0, 0, 0, 0.85)',
    colorTextTertiary: 'rgba(0, 0, 0, 0.75)',
    colorTextPlaceholder: 'rgba(0, 0, 0, 0.6)',
    colorBorder: '#595959',
    colorBorderSecondary: '#8c8c8c',
    fontSize: 18,
    fontSizeSM: 16,
    fontSizeLG: 20,
    fontSizeHeading1: 34,
    fontSizeHeading2: 28,
    fontSizeHeading3: 24,
    fontSizeHeading4: 21,
    fontSizeHeading5: 19,
    controlHeight: 44,
    controlHeightSM: 36,
    controlHeightLG: 52,
    lineWidthFocus: 4,
  },
};
