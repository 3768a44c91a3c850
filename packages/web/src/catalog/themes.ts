// 主题 labels in both languages, apart from the rest of the catalogue's text: the home page browses by theme and must
// not carry the whole catalogue dictionary. Chinese comes from the domain's code sets, the one source.
import { COMPANY_THEMES, PERSON_THEMES, type CodeEntry } from '@onewindow/domain';
import type { Dictionary } from '../i18n/I18nProvider.tsx';

function labelsOf<const C extends string>(set: { entries: readonly CodeEntry<C>[] }) {
  return Object.fromEntries(set.entries.map((entry) => [`theme.${entry.code}`, entry.label])) as Record<`theme.${C}`, string>;
}

const zh = { ...labelsOf(PERSON_THEMES), ...labelsOf(COMPANY_THEMES) };

export type ThemeKey = keyof typeof zh;

const en: Record<ThemeKey, string> = {
  'theme.birth_adoption': 'Birth and adoption',
  'theme.household': 'Household registration',
  'theme.education': 'Education and research',
  'theme.employment': 'Jobs and starting a business',
  'theme.social_security': 'Social security',
  'theme.medical': 'Health care',
  'theme.housing': 'Housing support',
  'theme.real_estate': 'Real estate',
  'theme.marriage': 'Marriage registration',
  'theme.retirement': 'Retirement and elderly care',
  'theme.transport': 'Transport',
  'theme.civil_affairs': 'Civil affairs',
  'theme.establishment': 'Setting up and changes',
  'theme.operation_permits': 'Operating permits',
  'theme.tax': 'Taxes and fees',
  'theme.construction': 'Construction projects',
  'theme.employment_company': 'Staff and social insurance',
  'theme.qualification': 'Qualifications',
  'theme.cancellation': 'Closing down',
};

export const themeMessages: Dictionary<ThemeKey> = { zh, en };
