/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  experimental: {
    serverActions: {
      // The dashboard's forms carry a job at most (a body template is its largest part): the same
      // cap as the API's JSON bodies (lib/web/define-route.ts), plus room for multipart framing.
      bodySizeLimit: "272kb",
    },
  },
};

export default nextConfig;
