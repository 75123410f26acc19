import plugin, {
  capabilityScorecardsPlugin,
  CapabilityScorecardsPage,
  EntityCapabilityLevelCard,
  EntityCapabilityScorecardsContent,
  isCapability,
  TeamCapabilitiesCard,
} from '../index';

describe('the package exports', () => {
  it('a new-frontend-system plugin with the API, page, entity content and cards', () => {
    expect(plugin.id).toBe('capability-scorecards');
    expect(plugin.$$type).toBe('@backstage/FrontendPlugin');
  });

  it('the legacy plugin and its components', () => {
    expect(capabilityScorecardsPlugin.getId()).toBe('capability-scorecards');
    for (const c of [
      CapabilityScorecardsPage,
      EntityCapabilityLevelCard,
      EntityCapabilityScorecardsContent,
      TeamCapabilitiesCard,
    ]) {
      expect(typeof c).toBe('function');
    }
  });

  it('isCapability follows the service default filter', () => {
    const entity = (kind: string, annotations?: Record<string, string>) => ({
      apiVersion: 'backstage.io/v1alpha1',
      kind,
      metadata: { name: 'x', annotations },
    });
    expect(isCapability(entity('System'))).toBe(true);
    expect(isCapability(entity('API'))).toBe(true);
    expect(isCapability(entity('Component'))).toBe(false);
    expect(
      isCapability(
        entity('Component', { 'scorecards.dev/capability': 'true' }),
      ),
    ).toBe(true);
  });
});
