package io.gridchain.identity.tx;

import io.gridchain.core.tx.TransactionHandler;
import java.util.List;

/** Builds the handler of every identity and organization kind. */
public final class IdentityHandlers {
    private IdentityHandlers() {}

    public static List<TransactionHandler<?>> all() {
        return List.of(
                new KindHandler<>(IdentityKinds.REGISTER, Payloads.Register::decode, IdentityRules::register),
                new KindHandler<>(IdentityKinds.ADD_KEY, Payloads.AddKey::decode, IdentityRules::addKey),
                new KindHandler<>(IdentityKinds.REVOKE_KEY, Payloads.RevokeKey::decode, IdentityRules::revokeKey),
                new KindHandler<>(IdentityKinds.ROTATE_OWNER, Payloads.RotateOwner::decode, IdentityRules::rotateOwner),
                nameOnly(IdentityKinds.CANCEL_ROTATION, IdentityRules::cancelRotation),
                new KindHandler<>(IdentityKinds.UPDATE_METADATA, Payloads.UpdateMetadata::decode,
                        IdentityRules::updateMetadata),
                nameOnly(IdentityKinds.DEACTIVATE, IdentityRules::deactivate),
                nameOnly(IdentityKinds.SUSPEND, IdentityRules::suspend),
                nameOnly(IdentityKinds.RESTORE, IdentityRules::restore),
                new KindHandler<>(IdentityKinds.ORG_CREATE, Payloads.CreateOrg::decode, OrgRules::create),
                orgChange(IdentityKinds.ORG_ADD_OWNER),
                orgChange(IdentityKinds.ORG_REMOVE_OWNER),
                orgChange(IdentityKinds.ORG_ADD_MEMBER),
                orgChange(IdentityKinds.ORG_REMOVE_MEMBER),
                new KindHandler<>(IdentityKinds.ORG_LEAVE, Payloads.LeaveOrg::decode, OrgRules::leave));
    }

    private static KindHandler<Payloads.NameOnly> nameOnly(String kind, KindHandler.Rule<Payloads.NameOnly> rule) {
        return new KindHandler<>(kind, bytes -> Payloads.NameOnly.decode(kind, bytes), rule);
    }

    private static KindHandler<Payloads.OrgChange> orgChange(String kind) {
        return new KindHandler<>(kind, bytes -> Payloads.OrgChange.decode(kind, bytes), OrgRules::change);
    }
}
