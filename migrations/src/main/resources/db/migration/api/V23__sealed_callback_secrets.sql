-- The signing secret is stored sealed (AES-256-GCM under a key outside the database, the client id as associated
-- data): sealed:v1:<key id>:<base64>. Rows written before are resealed by the service at startup.
COMMENT ON COLUMN client_callback.signing_secret IS
    'Sealed signing secret, sealed:v1:<key id>:<base64 nonce||ciphertext||tag>; the key is attest.callbacks.sealing, never in the database';
