import type { z } from 'zod/mini';

type Shape = Readonly<Record<string, z.ZodMiniType>>;

/** Any schema of a value of type T, for code outside this package that takes a schema as a parameter. */
export type SchemaOf<T> = z.ZodMiniType<T>;

// The parts of zod's internal definition this file reads; `_zod.def` is zod 4's public introspection.
interface SchemaDef {
  type: string;
  shape?: Shape;
  innerType?: z.ZodMiniType;
  in?: z.ZodMiniType;
  out?: z.ZodMiniType;
  options?: readonly z.ZodMiniType[];
}

function defOf(schema: z.ZodMiniType): SchemaDef {
  return (schema as unknown as { _zod: { def: SchemaDef } })._zod.def;
}

/**
 * The fields an object schema knows, looking through optional, nullable and pipes; undefined for
 * anything that is not an object (a map such as the headers, whose keys are all its own).
 */
export function knownShape(schema: z.ZodMiniType | undefined): Shape | undefined {
  let current = schema;
  for (let depth = 0; current !== undefined && depth < 16; depth++) {
    const def = defOf(current);
    switch (def.type) {
      case 'object':
        return def.shape;
      case 'optional':
      case 'nullable':
      case 'default':
      case 'prefault':
      case 'readonly':
        current = def.innerType;
        break;
      case 'pipe':
        current = knownShape(def.out) === undefined ? def.in : def.out;
        break;
      default:
        return undefined;
    }
  }
  return undefined;
}
