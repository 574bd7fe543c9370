export { normalizeEmail } from './email.js';
export { maskAddress } from './mask.js';
export {
  DEFAULT_PHONE_REGION,
  type NormalizeMobileOptions,
  normalizeMobile,
  requirePhoneRegion,
} from './mobile.js';
