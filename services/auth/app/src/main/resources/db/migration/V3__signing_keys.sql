-- The RSA keys that sign tokens (see SigningKeys). The newest ACTIVE key signs; every ACTIVE key
-- is published in the JWK set, so tokens signed before a rotation still verify; a key is RETIRED
-- (no longer published) once a newer key has signed for longer than the grace period.
--
-- The private key sits here in PKCS#8 DER, base64-encoded: fine on a laptop. In production it
-- belongs in a KMS or Vault (the database then holds a reference, or only the public key).
CREATE TABLE signing_key (
    kid         text        PRIMARY KEY,
    public_key  text        NOT NULL, -- X.509 SubjectPublicKeyInfo DER, base64
    private_key text        NOT NULL, -- PKCS#8 DER, base64
    created_at  timestamptz NOT NULL,
    state       text        NOT NULL CHECK (state IN ('ACTIVE', 'RETIRED')),
    retired_at  timestamptz
);

CREATE INDEX signing_key_active ON signing_key (created_at DESC) WHERE state = 'ACTIVE';
