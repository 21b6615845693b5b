/** Public enums of the Workspace catalogs. Wire spellings (typos included) live in the wire types. */
export const AUTHORIZATION_TYPES = ['ALL_USER', 'ASSIGN_USER'] as const;
export const INSTALL_TYPES = ['QUIET_INSTALL', 'UNZIP_INSTALL', 'GUI_INSTALL'] as const;
export const OS_TYPES = ['Linux', 'Windows', 'Other'] as const;
export const STORE_TYPES = ['OBS', 'LINK'] as const;
export const APP_CENTER_STATUSES = ['NORMAL', 'FORBIDDEN'] as const;
export const APP_CENTER_SOURCES = ['CUSTOM', 'SYSTEM', 'MARKET'] as const;
/** Clean names; the wire has BUSSINESS_INTELLIGENCE and WEB_ADN_APPLICATION. */
export const WAREHOUSE_CATEGORIES = [
  'GAME',
  'BUSINESS_INTELLIGENCE',
  'SECURE_STORAGE',
  'MULTIMEDIA_AND_CODING',
  'PROJECT_MANAGEMENT',
  'PRODUCTIVITY_AND_COLLABORATION',
  'WEB_AND_APPLICATION',
  'GRAPHIC_DESIGN',
  'OTHER',
] as const;
/** Clean names; the wire has Verify_FAIL. */
export const VERIFY_STATUSES = ['VERIFYING', 'VERIFY_PASS', 'VERIFY_FAIL'] as const;

export type AuthorizationType = (typeof AUTHORIZATION_TYPES)[number];
export type InstallType = (typeof INSTALL_TYPES)[number];
export type OsType = (typeof OS_TYPES)[number];
export type StoreType = (typeof STORE_TYPES)[number];
export type WarehouseCategory = (typeof WAREHOUSE_CATEGORIES)[number];
