// s3rver ships no type declarations; the tests use only its constructor, run() and close().
declare module 's3rver' {
  export default class S3rver {
    constructor(options: { port: number; address: string; silent: boolean; directory: string; configureBuckets: { name: string; configs: unknown[] }[] });
    run(): Promise<{ port: number }>;
    close(): Promise<void>;
  }
}
