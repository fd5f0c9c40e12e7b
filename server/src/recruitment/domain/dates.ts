// Moved to platform/time/calendar.ts (calendar arithmetic in Asia/Shanghai, once). Kept only so the many
// importers, and branches written before the move, still build; import from platform/time.
export * from '../../platform/time/calendar.ts';
