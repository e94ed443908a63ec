"""Operations on a running deployment (the `machi` CLI's mechanisms): dead letters, outbox."""
