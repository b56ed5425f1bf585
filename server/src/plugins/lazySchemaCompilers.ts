import ValidatorSelector from '@fastify/ajv-compiler';
import SerializerSelector from '@fastify/fast-json-stringify-compiler';

/**
 * Fastify's own schema compilers (Ajv for validation, fast-json-stringify for replies), each
 * route's compiled on its first request instead of at start. Compiling ~150 route schemas was
 * most of the server's start (profiled: Ajv and fast-json-stringify ≈ 40 % of launch to healthy),
 * and after a crash every writer waits for the start. Behaviour is the same: the same compilers,
 * options and shared schemas; only when they run changes (a broken schema now fails its first
 * request rather than the start, and the test suite requests every route).
 */
export function lazySchemaCompilers() {
  return {
    compilersFactory: {
      buildValidator: lazily(ValidatorSelector()),
      buildSerializer: lazily(SerializerSelector()),
    },
  };
}

type Compiled = ((...args: unknown[]) => unknown) & { errors?: unknown; schemaEnv?: unknown };
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the two selectors' types differ; both are (setup) => (route) => function
type CompilerFactory = (...setup: any[]) => (route: any) => any;

function lazily<F extends CompilerFactory>(factory: F): F {
  return ((...setup: unknown[]) => {
    // building the compiler itself (a new Ajv with its formats and the shared schemas) is also
    // deferred to the first request that needs one
    let compilerFor: ((route: unknown) => unknown) | null = null;
    return (route: unknown) => {
      let compiled: Compiled | null = null;
      const run: Compiled = function (this: unknown, ...args: unknown[]) {
        compilerFor ??= factory(...setup);
        compiled ??= compilerFor(route) as Compiled;
        const result = compiled.apply(this, args);
        // Fastify reads Ajv's errors from the function it holds: this one
        run.errors = compiled.errors;
        return result;
      };
      // Fastify passes the parent object (what lets Ajv change a root value) only to functions
      // that carry `schemaEnv`, as Ajv's do; fast-json-stringify ignores the extra argument
      run.schemaEnv = true;
      return run;
    };
  }) as unknown as F;
}
