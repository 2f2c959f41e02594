// The part of autocannon's API the benchmark uses (the package ships no types).
declare module 'autocannon' {
  interface Request { method?: string; path?: string; headers?: Record<string, string>; body?: string; setupRequest?: (request: object) => object }
  interface Options { url: string; connections?: number; duration?: number; amount?: number; requests?: Request[] }
  interface Result { '2xx': number; non2xx: number; errors: number; timeouts: number; duration: number; requests: { average: number; total: number } }
  function autocannon(options: Options): Promise<Result>;
  export default autocannon;
}
