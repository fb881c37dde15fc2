/** retarget: the public API of the npm package. */
export * from './message/index.ts';
