package io.gridchain.node.cli;

import io.gridchain.identity.TransactionBuilders;
import io.gridchain.identity.model.MemberRef;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code gridchain org create|add-member|remove-member|show}. */
@Command(name = "org", mixinStandardHelpOptions = true, description = "Organizations: owners, members, sub-organizations.",
        subcommands = {OrgCommand.Create.class, OrgCommand.AddMember.class, OrgCommand.RemoveMember.class, OrgCommand.Show.class})
final class OrgCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    abstract static class Signed implements Callable<Integer> {
        @Mixin
        WalletCommand.Common common;

        @Mixin
        ChainTx.Signer signer;

        @Option(names = "--as", required = true, description = "The identity acting (an owner of the organization).")
        String actor;

        @Parameters(paramLabel = "ORG", description = "acme, or acme.research for a sub-organization.")
        String org;

        @Spec
        CommandSpec spec;
    }

    @Command(name = "create", mixinStandardHelpOptions = true, description = "Create ORG, owned by --as.")
    static final class Create extends Signed {
        @Override
        public Integer call() {
            ChainTx.send(spec, common, signer, TransactionBuilders.createOrg(org, actor),
                    "create organization '" + org + "' owned by '" + actor + "'", ChainTx.identityFee(common, "registration"));
            return 0;
        }
    }

    abstract static class MemberChange extends Signed {
        @Option(names = "--member", required = true, description = "The member: an identity, or an organization with --org-member.")
        String member;

        @Option(names = "--org-member", description = "The member is an organization.")
        boolean orgMember;

        MemberRef ref() {
            return orgMember ? MemberRef.org(member) : MemberRef.identity(member);
        }
    }

    @Command(name = "add-member", mixinStandardHelpOptions = true, description = "Add a member to ORG.")
    static final class AddMember extends MemberChange {
        @Override
        public Integer call() {
            ChainTx.send(spec, common, signer, TransactionBuilders.addOrgMember(org, actor, ref()),
                    "add " + ref() + " to '" + org + "'", ChainTx.identityFee(common, "update"));
            return 0;
        }
    }

    @Command(name = "remove-member", mixinStandardHelpOptions = true, description = "Remove a member from ORG.")
    static final class RemoveMember extends MemberChange {
        @Override
        public Integer call() {
            ChainTx.send(spec, common, signer, TransactionBuilders.removeOrgMember(org, actor, ref()),
                    "remove " + ref() + " from '" + org + "'", ChainTx.identityFee(common, "update"));
            return 0;
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = "Show ORG, or with --member NAME whether NAME belongs to it.")
    static final class Show implements Callable<Integer> {
        @Mixin
        WalletCommand.Common common;

        @Parameters(paramLabel = "ORG")
        String org;

        @Option(names = "--member", description = "Check this identity's membership (with the inheritance path).")
        String member;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            ChainTx.print(spec, common.client().read("v1/orgs/" + org + (member == null ? "" : "/members/" + member)));
            return 0;
        }
    }
}
