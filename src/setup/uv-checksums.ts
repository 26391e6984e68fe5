/**
 * SHA-256 of the uv release assets the action may download (`uv-<target>.tar.gz`, Windows `.zip`), by version and
 * target. Written by `scripts/refresh-uv-checksums.ts`; edit by running it, not by hand.
 *
 * Source of the values below: the `.sha256` files published with each astral-sh/uv GitHub release, as recorded in
 * astral-sh/setup-uv `src/download/checksum/known-checksums.json` (commit 19b4d1e990bec64818914c40230bde93a0de300b,
 * 2026-08-20). uv 0.13.8 (the action's pin) is not in that snapshot and this machine cannot reach GitHub:
 * run `npm run refresh-uv-checksums -- 0.13.8` on a machine that can before releasing.
 */
import type { UvTarget } from './uv-version.js';

export const UV_CHECKSUMS: Readonly<Record<string, Readonly<Record<UvTarget, string>>>> = {
  '0.12.5': {
    'x86_64-unknown-linux-gnu': '68a509da24b06b4223a1c0175fb5eb5bc79342b76cbeff0cfe51ac3f5b17b6b2',
    'aarch64-unknown-linux-gnu': '9bf43b4d1a07665bf64d4c4e710930b382321a785e0eb10aac07f46471f86a31',
    'x86_64-apple-darwin': 'b3b2137477cf96c9686ebfb71524614cec780c673fd73e59bce099aef02e70e8',
    'aarch64-apple-darwin': '5bb0e5fe008a773c3dbcb97ff79cd89e1241464fe9d2f986d52ad8f1b037bd62',
    'x86_64-pc-windows-msvc': '4c4d49d8738847d9b71ba319e49a5688c93eac0fe6204b1df24e98528dddf39a',
    'aarch64-pc-windows-msvc': '724279317fee6e5fa8ad1908e4eba2bbe764ef1ece5b3f4597927b62b1fe562a',
  },
  '0.12.4': {
    'x86_64-unknown-linux-gnu': 'c8c60f47e6f88d18dbf6f33d7279fb1fbf7ae76631768152cf5578c3d65729b4',
    'aarch64-unknown-linux-gnu': '49d881b3403187e1f1789720881e77e4251ad4259d86c4844862657d2a35d13f',
    'x86_64-apple-darwin': 'e603f1eb634ca97a2a125539b983891f53235e901511ed10c32c08c86e253ecd',
    'aarch64-apple-darwin': '99a913b606194867b43086404412c1afe079547fee72ecfb6af7e7b0dd54b0c6',
    'x86_64-pc-windows-msvc': '4f3b7d63cd81fca0da5a655d973d20affca89ce6e5f9a29fd0183cc4204a7639',
    'aarch64-pc-windows-msvc': '3290abffee78c30e3113f5113e26684fd057287e89124a588dcdcdd6ceec0fea',
  },
  '0.12.3': {
    'x86_64-unknown-linux-gnu': '600cf9a742aca00d292673b16b5acffaa7b8c269a364ad0c2e79498dcb1fe101',
    'aarch64-unknown-linux-gnu': 'bb66cb52e7b1823aed1183630d8d8e5c958840d584a4c55ec10a4cfc168dcca2',
    'x86_64-apple-darwin': '4c9f52262a14da336e4a42ed24992d12d0c956acde87619e4611d321dffa602b',
    'aarch64-apple-darwin': '546f7f8a6c70ff13a3a9d2bc958db3427298cebf3e0cb756f9177133b7068843',
    'x86_64-pc-windows-msvc': 'b23350c79e8ad0192b8124af13a0f17e8d4e4549524785e1aef389ae5a06990e',
    'aarch64-pc-windows-msvc': '4343217d668727b8a8eb5cad92389a1d2eeead93c89940d1b955ba1bb15462eb',
  },
};
