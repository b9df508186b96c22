const words = (text: string): readonly string[] => text.trim().split(/\s+/);

/** Word lists for made-up demo records; none names a real company or person on purpose. */
export const DEMO_NAMES = {
  companyWords: words(`
    Amber Arbor Atlas Beacon Birch Bright Cedar Cinder Clover Cobalt Copper Coral Crest Delta
    Drift Ember Falcon Fern Fjord Flint Forge Garnet Glacier Granite Harbor Hazel Heron Indigo
    Iris Juniper Kestrel Lantern Larch Lumen Maple Meadow Mesa Nimbus North Oak Onyx Orbit Pebble
    Pine Prairie Quartz Raven Ridge River Saffron Sage Sierra Slate Spruce Summit Tidal Timber
    Vale Willow Zephyr`),
  companyNouns: words(`
    Analytics Bio Cloud Commerce Data Dental Design Energy Freight Foods Health Insights Labs
    Legal Logistics Media Metrics Mobility Networks Partners Payments Robotics Security Software
    Studio Systems Telecom Travel Ventures Works`),
  companySuffixes: ['', '', '', ' Inc.', ' LLC', ' GmbH', ' Ltd', ' Co.'],
  firstNames: words(`
    Ada Alex Amara Ana Ben Bianca Carlos Chen Dana Diego Elena Emeka Fatima Felix Grace Hana Hugo
    Ines Ivan Jamal Jonas Kai Keiko Lars Leila Lucas Maya Mei Nadia Noah Omar Priya Rafael Rosa
    Sam Sofia Tariq Tess Uma Victor Wen Yara Zoe`),
  lastNames: words(`
    Abbott Achebe Bauer Brandt Castillo Chen Costa Dubois Eriksen Fischer Garcia Haddad Hansen
    Ibrahim Ito Jensen Kowalski Kumar Larsen Lopez Moreau Nakamura Novak Okafor Olsen Patel Petrov
    Quinn Rossi Santos Schmidt Silva Tanaka Torres Usman Varga Weber Xu Yilmaz Zhang`),
  titlesByRole: {
    CHAMPION: ['Head of Operations', 'Customer Success Lead', 'Product Owner', 'Team Lead'],
    EXECUTIVE_SPONSOR: ['VP Operations', 'Chief Operating Officer', 'VP Engineering', 'CEO'],
    DECISION_MAKER: ['Director of IT', 'Head of Procurement', 'Director of Sales'],
    BUDGET_HOLDER: ['CFO', 'Finance Director', 'Controller'],
    INFLUENCER: ['Senior Analyst', 'Solutions Architect', 'Marketing Manager'],
    END_USER: ['Analyst', 'Coordinator', 'Specialist', 'Account Manager', 'Engineer'],
    BLOCKER: ['Security Officer', 'Procurement Manager', 'IT Manager'],
    NONE: ['Office Manager', 'Assistant', 'Consultant', 'Associate'],
  } as Record<string, readonly string[]>,
};
