/**
 * The access-token signing key: Ed25519 (EdDSA), from JWT_PRIVATE_KEY in the cluster shape (every
 * auth node must share it), generated once and kept under the data dir in the embedded shape.
 */
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { calculateJwkThumbprint, exportJWK, type JWK, type KeyLike } from "jose";

export interface SigningKey {
  kid: string;
  alg: "EdDSA";
  privateKey: KeyLike;
  publicJwk: JWK;
}

function readOrCreatePem(file: string): string {
  if (fs.existsSync(file)) return fs.readFileSync(file, "utf8");
  const { privateKey } = crypto.generateKeyPairSync("ed25519");
  const pem = privateKey.export({ type: "pkcs8", format: "pem" }).toString();
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  fs.writeFileSync(file, pem, { mode: 0o600, flag: "wx" });
  return pem;
}

export async function loadSigningKey(pem: string | undefined, file: string): Promise<SigningKey> {
  const privateKey = crypto.createPrivateKey(pem ?? readOrCreatePem(file));
  if (privateKey.asymmetricKeyType !== "ed25519") throw new Error("JWT_PRIVATE_KEY must be an Ed25519 key (PKCS#8 PEM)");
  const publicJwk = await exportJWK(crypto.createPublicKey(privateKey));
  const kid = await calculateJwkThumbprint(publicJwk);
  return { kid, alg: "EdDSA", privateKey, publicJwk: { ...publicJwk, kid, alg: "EdDSA", use: "sig" } };
}
