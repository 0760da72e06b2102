// Preloaded into a worker process (node --import) to give it a machine clock that is wrong by
// SUNDIAL_TEST_CLOCK_SKEW_MS: what a worker on a machine with a drifting clock sees.
const skewMs = Number(process.env.SUNDIAL_TEST_CLOCK_SKEW_MS ?? 0);
const RealDate = Date;
const realNow = RealDate.now.bind(RealDate);

class SkewedDate extends RealDate {
  constructor(...args) {
    if (args.length === 0) super(realNow() + skewMs);
    else super(...args);
  }

  static now() {
    return realNow() + skewMs;
  }
}

globalThis.Date = SkewedDate;
