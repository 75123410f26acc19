/**
 * Capability Scorecards for Backstage: the default export is the plugin for the new frontend system;
 * the named exports serve apps on the legacy frontend system.
 */
export { default } from './alpha';
export {
  capabilityScorecardsPlugin,
  EntityCapabilityScorecardsContent,
  EntityCapabilityLevelCard,
  TeamCapabilitiesCard,
  CapabilityScorecardsPage,
} from './plugin';
export { isCapability } from './components/util';
export {
  capabilityScorecardsApiRef,
  CapabilityScorecardsClient,
} from './api/CapabilityScorecardsClient';
export type {
  CapabilityScorecardsApi,
  EntityName,
} from './api/CapabilityScorecardsClient';
