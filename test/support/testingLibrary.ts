import { configure } from '@testing-library/dom';

// findBy… and waitFor give up after 1 s by default. Views load their charts on demand (the map's code and world
// outlines are a separate chunk), and on a loaded 2-core machine that import alone has taken longer; a real failure
// still fails, only later.
configure({ asyncUtilTimeout: 15_000 });
