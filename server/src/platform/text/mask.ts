// Moved to platform/masking/masking.ts (the one masking rule). Kept only so branches written before the
// move still build; import from platform/masking. Remove once nothing imports this file.
export { maskIdNumber, maskName, maskPhone } from '../masking/masking.ts';
