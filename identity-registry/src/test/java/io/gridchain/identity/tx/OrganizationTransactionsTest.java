package io.gridchain.identity.tx;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridchain.core.crypto.SigningKey;
import io.gridchain.core.tx.Rejection;
import io.gridchain.identity.IdentityChain;
import io.gridchain.identity.IdentityParams;
import io.gridchain.identity.IdentityState;
import io.gridchain.identity.OrgMembership;
import io.gridchain.identity.TransactionBuilders;
import io.gridchain.identity.model.HistoryEntry;
import io.gridchain.identity.model.KeyPurpose;
import io.gridchain.identity.model.MemberRef;
import io.gridchain.identity.model.Organization;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OrganizationTransactionsTest {
    private final IdentityChain chain = new IdentityChain(IdentityParams.DEV);
    private final SigningKey alice = chain.fundedKey();
    private final SigningKey bob = chain.fundedKey();
    private final SigningKey carol = chain.fundedKey();

    @BeforeEach
    void identities() {
        chain.register(alice, "alice");
        chain.register(bob, "bob");
        chain.register(carol, "carol");
    }

    private Organization org(String name) {
        return IdentityState.ORGANIZATIONS.get(chain.committed, name).orElseThrow();
    }

    private OrgMembership.Result membership(String org, String identity) {
        return OrgMembership.check(chain.committed, org, identity);
    }

    @Test
    void creatingAnOrganizationMakesTheActorItsOwnerAndChargesTheRegistrationFee() {
        long before = chain.balance(alice.address());
        chain.applied(alice, TransactionBuilders.createOrg("acme", "alice"));
        assertThat(org("acme").owners()).containsExactly("alice");
        assertThat(chain.balance(alice.address()))
                .isEqualTo(before - IdentityChain.TX_FEE - IdentityParams.DEV.registrationFee());
        assertThat(IdentityState.ORG_HISTORY.get(chain.committed, "acme").orElseThrow())
                .extracting(HistoryEntry::kind).containsExactly("created");
    }

    @Test
    void creationIsRefusedWithItsReasons() {
        assertThat(chain.rejected(alice, TransactionBuilders.createOrg("Acme", "alice")).code())
                .isEqualTo(IdentityRejections.INVALID_NAME);
        assertThat(chain.rejected(alice, TransactionBuilders.createOrg("acme..x", "alice")).code())
                .isEqualTo(IdentityRejections.INVALID_NAME);
        assertThat(chain.rejected(bob, TransactionBuilders.createOrg("acme", "alice")).code())
                .isEqualTo(IdentityRejections.NOT_AUTHORIZED);
        assertThat(chain.rejected(alice, TransactionBuilders.createOrg("acme", "nobody")).code())
                .isEqualTo(IdentityRejections.IDENTITY_NOT_FOUND);
        assertThat(chain.rejected(alice, TransactionBuilders.createOrg("acme.research", "alice")).code())
                .isEqualTo(IdentityRejections.PARENT_NOT_FOUND);
        chain.applied(alice, TransactionBuilders.createOrg("acme", "alice"));
        assertThat(chain.rejected(bob, TransactionBuilders.createOrg("acme", "bob")).code())
                .isEqualTo(IdentityRejections.ORG_EXISTS);
        assertThat(chain.rejected(bob, TransactionBuilders.createOrg("acme.research", "bob")).code())
                .isEqualTo(IdentityRejections.NOT_ORG_OWNER);
        chain.applied(chain.registrar, TransactionBuilders.suspend("bob"));
        assertThat(chain.rejected(bob, TransactionBuilders.createOrg("bobco", "bob")).code())
                .isEqualTo(IdentityRejections.IDENTITY_NOT_ACTIVE);
    }

    @Test
    void anAuthenticationKeyActsForItsIdentity() {
        SigningKey device = chain.fundedKey();
        chain.applied(alice, TransactionBuilders.addKey("alice", device.address(), KeyPurpose.AUTHENTICATION));
        chain.applied(device, TransactionBuilders.createOrg("acme", "alice"));
        SigningKey assertion = chain.fundedKey();
        chain.applied(alice, TransactionBuilders.addKey("alice", assertion.address(), KeyPurpose.ASSERTION));
        assertThat(chain.rejected(assertion, TransactionBuilders.createOrg("other", "alice")).code())
                .isEqualTo(IdentityRejections.NOT_AUTHORIZED);
    }

    @Test
    void ownersAndMembersAreAddedAndRemoved() {
        chain.applied(alice, TransactionBuilders.createOrg("acme", "alice"));
        chain.applied(alice, TransactionBuilders.addOrgOwner("acme", "alice", "bob"));
        chain.applied(bob, TransactionBuilders.addOrgMember("acme", "bob", MemberRef.identity("carol")));
        assertThat(org("acme").owners()).containsExactly("alice", "bob");
        assertThat(org("acme").members()).containsExactly(MemberRef.identity("carol"));

        assertThat(chain.rejected(carol, TransactionBuilders.addOrgMember("acme", "carol", MemberRef.identity("carol")))
                .code()).isEqualTo(IdentityRejections.NOT_ORG_OWNER);
        assertThat(chain.rejected(alice, TransactionBuilders.addOrgMember("acme", "alice", MemberRef.identity("carol")))
                .code()).isEqualTo(IdentityRejections.MEMBER_EXISTS);
        assertThat(chain.rejected(alice, TransactionBuilders.addOrgOwner("acme", "alice", "bob")).code())
                .isEqualTo(IdentityRejections.MEMBER_EXISTS);
        assertThat(chain.rejected(alice, TransactionBuilders.addOrgMember("acme", "alice", MemberRef.identity("zed")))
                .code()).isEqualTo(IdentityRejections.IDENTITY_NOT_FOUND);
        assertThat(chain.rejected(alice, TransactionBuilders.addOrgMember("acme", "alice", MemberRef.org("zed")))
                .code()).isEqualTo(IdentityRejections.ORG_NOT_FOUND);
        assertThat(chain.rejected(alice, TransactionBuilders.addOrgMember("acme", "alice", MemberRef.org("acme")))
                .code()).isEqualTo(Rejection.INVALID_PAYLOAD);
        assertThat(chain.rejected(alice, TransactionBuilders.addOrgMember("nowhere", "alice",
                MemberRef.identity("carol"))).code()).isEqualTo(IdentityRejections.ORG_NOT_FOUND);

        chain.applied(alice, TransactionBuilders.removeOrgMember("acme", "alice", MemberRef.identity("carol")));
        assertThat(chain.rejected(alice, TransactionBuilders.removeOrgMember("acme", "alice",
                MemberRef.identity("carol"))).code()).isEqualTo(IdentityRejections.MEMBER_NOT_FOUND);
        chain.applied(alice, TransactionBuilders.removeOrgOwner("acme", "alice", "bob"));
        assertThat(chain.rejected(alice, TransactionBuilders.removeOrgOwner("acme", "alice", "bob")).code())
                .isEqualTo(IdentityRejections.MEMBER_NOT_FOUND);
        assertThat(chain.rejected(alice, TransactionBuilders.removeOrgOwner("acme", "alice", "alice")).code())
                .isEqualTo(IdentityRejections.LAST_OWNER);
        assertThat(org("acme").owners()).containsExactly("alice");
        assertThat(org("acme").members()).isEmpty();
    }

    @Test
    void organizationsCannotOwn() {
        chain.applied(alice, TransactionBuilders.createOrg("acme", "alice"));
        chain.applied(bob, TransactionBuilders.createOrg("team", "bob"));
        assertThat(chain.rejected(alice, new Payloads.OrgChange(IdentityKinds.ORG_ADD_OWNER, "acme", "alice",
                MemberRef.org("team"))).code()).isEqualTo(Rejection.INVALID_PAYLOAD);
    }

    @Test
    void membersAndOwnersLeave() {
        chain.applied(alice, TransactionBuilders.createOrg("acme", "alice"));
        chain.applied(alice, TransactionBuilders.addOrgMember("acme", "alice", MemberRef.identity("carol")));
        chain.applied(carol, TransactionBuilders.leaveOrg("acme", "carol"));
        assertThat(org("acme").members()).isEmpty();
        assertThat(chain.rejected(carol, TransactionBuilders.leaveOrg("acme", "carol")).code())
                .isEqualTo(IdentityRejections.MEMBER_NOT_FOUND);
        assertThat(chain.rejected(alice, TransactionBuilders.leaveOrg("acme", "alice")).code())
                .isEqualTo(IdentityRejections.LAST_OWNER);
        assertThat(chain.rejected(bob, TransactionBuilders.leaveOrg("acme", "carol")).code())
                .isEqualTo(IdentityRejections.NOT_AUTHORIZED);
    }

    @Test
    void ownersOfAParentOwnItsSubOrganizations() {
        chain.applied(alice, TransactionBuilders.createOrg("acme", "alice"));
        chain.applied(alice, TransactionBuilders.addOrgOwner("acme", "alice", "bob"));
        chain.applied(bob, TransactionBuilders.createOrg("acme.research", "bob"));
        chain.applied(alice, TransactionBuilders.addOrgMember("acme.research", "alice", MemberRef.identity("carol")));
        chain.applied(alice, TransactionBuilders.createOrg("acme.research.vision", "alice"));
        // a sub-organization may lose all direct owners: its ancestors' owners still own it
        chain.applied(bob, TransactionBuilders.leaveOrg("acme.research", "bob"));
        assertThat(org("acme.research").owners()).isEmpty();
        chain.applied(alice, TransactionBuilders.addOrgOwner("acme.research", "alice", "carol"));

        assertThat(membership("acme.research.vision", "bob")).isEqualTo(new OrgMembership.Result.Member(java.util.List.of(
                new OrgMembership.Step("acme.research.vision", "sub-organization of acme.research"),
                new OrgMembership.Step("acme.research", "sub-organization of acme"),
                new OrgMembership.Step("acme", "owner"))));
        assertThat(membership("acme.research.vision", "carol")).isInstanceOf(OrgMembership.Result.Member.class);
        assertThat(membership("acme", "carol")).isInstanceOf(OrgMembership.Result.NotMember.class);
    }

    @Test
    void membershipFollowsMemberOrganizationsAndNeverReachesAMissingOrganization() {
        chain.applied(alice, TransactionBuilders.createOrg("acme", "alice"));
        chain.applied(bob, TransactionBuilders.createOrg("team", "bob"));
        chain.applied(bob, TransactionBuilders.addOrgMember("team", "bob", MemberRef.identity("carol")));
        chain.applied(alice, TransactionBuilders.addOrgMember("acme", "alice", MemberRef.org("team")));
        chain.applied(bob, TransactionBuilders.addOrgMember("team", "bob", MemberRef.org("acme"))); // a cycle

        assertThat(membership("acme", "carol")).isEqualTo(new OrgMembership.Result.Member(java.util.List.of(
                new OrgMembership.Step("acme", "includes organization team"),
                new OrgMembership.Step("team", "member"))));
        assertThat(membership("acme.ghost", "alice")).isEqualTo(new OrgMembership.Result.NoSuchOrganization("acme.ghost"));
        assertThat(membership("team", "nobody")).isInstanceOf(OrgMembership.Result.NotMember.class);
        assertThat(membership("acme", "alice")).isInstanceOf(OrgMembership.Result.Member.class);

        chain.applied(chain.registrar, TransactionBuilders.suspend("carol"));
        assertThat(membership("acme", "carol")).isInstanceOf(OrgMembership.Result.NotMember.class);
    }
}
