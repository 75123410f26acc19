import '@testing-library/jest-dom';
import { configure } from '@testing-library/react';

// the tests wait on a real service, on a machine that may be busy
configure({ asyncUtilTimeout: 30_000 });
