package io.gridchain.core.governance;

import io.gridchain.core.params.ChainParams;
import io.gridchain.core.rlp.Rlp;
import io.gridchain.core.rlp.RlpException;
import io.gridchain.core.rlp.RlpReader;
import io.gridchain.core.validator.Validator;
import java.util.ArrayList;
import java.util.List;

/** A change only more than two thirds of the validators' power may make. */
public sealed interface GovernanceAction {
    int SET_VALIDATORS = 1;
    int SET_PARAMS = 2;

    byte[] encode();

    /** Adds, re-weights or (with power 0) removes validators. */
    record UpdateValidators(List<ValidatorUpdate> updates) implements GovernanceAction {
        public UpdateValidators {
            updates = List.copyOf(updates);
        }

        @Override
        public byte[] encode() {
            List<byte[]> items = new ArrayList<>();
            for (ValidatorUpdate u : updates) {
                items.add(Rlp.list(Rlp.bytes(u.address().bytes()), Rlp.bytes(u.publicKey()), Rlp.uint(u.power())));
            }
            return Rlp.list(Rlp.uint(SET_VALIDATORS), Rlp.list(items));
        }
    }

    record SetParams(ChainParams params) implements GovernanceAction {
        @Override
        public byte[] encode() {
            return Rlp.list(Rlp.uint(SET_PARAMS), params.encode());
        }
    }

    /** One validator's new power; 0 removes it. The key must belong to the address. */
    record ValidatorUpdate(io.gridchain.core.crypto.Address address, byte[] publicKey, long power) {
        public ValidatorUpdate {
            publicKey = publicKey.clone();
        }

        Validator toValidator() {
            return new Validator(address, publicKey, power);
        }
    }

    static GovernanceAction decode(byte[] encoded) {
        RlpReader r = RlpReader.ofList(encoded);
        int type = r.uint32("governance action type");
        GovernanceAction action;
        if (type == SET_VALIDATORS) {
            RlpReader list = r.list();
            List<ValidatorUpdate> updates = new ArrayList<>();
            while (list.hasNext()) {
                RlpReader u = list.list();
                updates.add(new ValidatorUpdate(io.gridchain.core.crypto.Address.of(u.bytes(20, "validator address")),
                        u.bytes(33, "validator key"), u.uint64("validator power")));
                u.finish("validator update");
            }
            action = new UpdateValidators(updates);
        } else if (type == SET_PARAMS) {
            action = new SetParams(ChainParams.decode(r.rawItem()));
        } else {
            throw new RlpException("unknown governance action type " + type);
        }
        r.finish("governance action");
        return action;
    }
}
