import { BlockList, isIP } from 'node:net';

// The networks the server never reaches for a contributor's link or a model's upstream. No '::ffff:0:0/96': BlockList
// checks an IPv4 address against IPv4-mapped IPv6 subnets too, so that entry matched every IPv4 address (the link
// checker once had it, and called every IPv4 link private); mapped addresses (::ffff:127.0.0.1) are checked against
// the IPv4 subnets without it.
const PRIVATE = new BlockList();
for (const [net, bits] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.168.0.0', 16],
  ['224.0.0.0', 3],
] as const)
  PRIVATE.addSubnet(net, bits, 'ipv4');
for (const [net, bits] of [
  ['::', 128],
  ['::1', 128],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
] as const)
  PRIVATE.addSubnet(net, bits, 'ipv6');

/** Whether an IP address is this machine, a private or link-local network, or multicast: never an upstream. */
export const isPrivateAddress = (address: string) =>
  PRIVATE.check(address, isIP(address) === 6 ? 'ipv6' : 'ipv4');
